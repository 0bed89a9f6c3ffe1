import { appendFileSync } from 'node:fs';
import type { Language } from '../../../sync/protocol/localized.js';

/** One line of the speech transcript: what a visitor heard, when, in which language. */
export interface TranscriptLine {
  readonly t: string;
  readonly lang: Language;
  readonly text: string;
  readonly private: boolean;
}

/**
 * Test aid (config `speech.transcriptFile` or env KIOSK_SPEECH_TRANSCRIPT,
 * refused in production by loadConfig): one JSON line per utterance, so an
 * eyes-free test can assert what a blind visitor heard. Appended
 * synchronously so the line exists before the audio is handed to the player.
 */
export function createTranscript(file: string | undefined): (line: Omit<TranscriptLine, 't'>) => void {
  if (!file) return () => undefined;
  return (line) => appendFileSync(file, `${JSON.stringify({ t: new Date().toISOString(), ...line })}\n`);
}
