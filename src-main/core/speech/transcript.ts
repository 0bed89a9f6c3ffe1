import { appendFileSync } from 'node:fs';
import type { Language } from '../../../sync/protocol/localized.js';

/** One line of the speech transcript: what a visitor heard, when, in which language. */
export interface TranscriptLine {
  readonly t: string;
  readonly lang: Language;
  readonly text: string;
  readonly private: boolean;
  /** The clip the player is handed (`speech/<clip>.wav`), so a test can check that the line was really played. */
  readonly clip: string;
}

/**
 * Test aid (config `speech.transcriptFile` or env KIOSK_SPEECH_TRANSCRIPT,
 * refused in production by loadConfig): one JSON line per utterance, so an
 * eyes-free test can assert what a blind visitor heard. Appended
 * synchronously once the clip is synthesised, before it is handed to the
 * player; the test matches `clip` with the player's events to know it played.
 */
export function createTranscript(file: string | undefined): (line: Omit<TranscriptLine, 't'>) => void {
  if (!file) return () => undefined;
  return (line) => appendFileSync(file, `${JSON.stringify({ t: new Date().toISOString(), ...line })}\n`);
}
