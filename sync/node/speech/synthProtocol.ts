/** One synthesis asked of the speech worker. */
export interface SynthRequest {
  readonly id: number;
  readonly text: string;
  /** An eSpeak NG voice name: ka, en-us, ru, az, hy. */
  readonly voice: string;
  /** Words per minute (eSpeak's 80..450). */
  readonly rate: number;
}

export type SynthReply =
  | { readonly id: number; readonly ok: true; readonly samples: Int16Array; readonly sampleRate: number }
  | { readonly id: number; readonly ok: false; readonly message: string };
