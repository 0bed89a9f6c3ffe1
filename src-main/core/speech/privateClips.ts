import { randomBytes } from 'node:crypto';

/** How many private phrases are kept for the player at once; a review screen speaks a handful. */
const MAX_CLIPS = 32;

/**
 * Spoken private content (a contact, a personal number, typed text, a vote's
 * choice) kept in memory only, never on disk: a file named by a hash of its
 * text would let anyone recover a phone number by trying every number. Ids
 * are random, so they say nothing about the text. forget() at every session
 * boundary drops them all, and a synthesis still running then is thrown away.
 */
export function createPrivateClips() {
  const clips = new Map<string, Buffer>();
  let generation = 0;

  return {
    /** A fresh id and the current generation, taken before synthesis starts. */
    reserve: () => ({ clipId: randomBytes(16).toString('hex'), generation }),
    /** Keeps a clip unless a session boundary passed while it was being made; answers whether it was kept. */
    put(clipId: string, wav: Buffer, madeIn: number): boolean {
      if (madeIn !== generation) return false;
      clips.set(clipId, wav);
      // Maps iterate in insertion order: the first key is the oldest clip.
      for (const oldest of clips.keys()) {
        if (clips.size <= MAX_CLIPS) break;
        clips.delete(oldest);
      }
      return true;
    },
    get: (clipId: string): Buffer | undefined => clips.get(clipId),
    forget(): void {
      generation += 1;
      // Overwrite before dropping: the bytes should not linger in freed memory until the next GC cycle reuses it.
      for (const wav of clips.values()) wav.fill(0);
      clips.clear();
    },
  };
}

export type PrivateClips = ReturnType<typeof createPrivateClips>;
