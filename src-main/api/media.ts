import type { KioskCore } from '../core/kioskCore.js';

const MEDIA_PATH = /^(speech|recordings)\/([0-9a-f-]{32,36})\.wav$/;

/**
 * The file behind an `audioPath` the API handed out (a spoken phrase, or a
 * voice message to listen back to), or undefined. Both hosts serve audio
 * through this, so only files the core itself named can ever be read.
 */
export function mediaFileOf(core: KioskCore, audioPath: string): string | undefined {
  const match = MEDIA_PATH.exec(audioPath);
  if (!match?.[2]) return undefined;
  return match[1] === 'speech' ? core.speech.clipFile(match[2]) : core.recorder.clipFile(match[2]);
}
