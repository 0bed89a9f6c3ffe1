import type { KioskCore } from '../core/kioskCore.js';
import type { ClipAudio } from '../core/kioskCore.js';

const MEDIA_PATH = /^(speech|recordings)\/([0-9a-f-]{32,36})\.wav$/;

/** Audio a host may serve, and how a browser may keep it. */
export type Media = ClipAudio & {
  /**
   * A public phrase's id is the hash of its text, voice and rate: it never
   * changes, so the browser may keep it. Private speech and recordings must
   * never reach a disk, the browser's cache included.
   */
  readonly cacheControl: 'private, max-age=86400, immutable' | 'no-store';
};

/**
 * The audio behind an `audioPath` the API handed out (a spoken phrase, or a
 * voice message to listen back to), or undefined. Both hosts serve audio
 * through this, so only what the core itself named can ever be read.
 */
export function mediaOf(core: KioskCore, audioPath: string): Media | undefined {
  const match = MEDIA_PATH.exec(audioPath);
  if (!match?.[2]) return undefined;
  if (match[1] === 'recordings') {
    const path = core.recorder.clipFile(match[2]);
    return path === undefined ? undefined : { kind: 'file', path, cacheControl: 'no-store' };
  }
  const clip = core.speech.clipAudio(match[2]);
  if (!clip) return undefined;
  return { ...clip, cacheControl: clip.kind === 'memory' ? 'no-store' : 'private, max-age=86400, immutable' };
}
