import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The cache key of one clip: the same text, voice and rate always sound the same. */
export const clipIdOf = (text: string, voice: string, rate: number): string =>
  createHash('sha256')
    .update(`${voice}\n${String(rate)}\n${text}`)
    .digest('hex')
    .slice(0, 32);

const CLIP_ID = /^[0-9a-f]{32}$/;

/**
 * Synthesised WAVs on disk, by clip id, within a size cap: the oldest-used
 * clips go first. A hit touches the file, so the kiosk's everyday phrases
 * (screen titles, buttons) stay and one-off texts (a typed comment) age out.
 */
export function createSpeechCache(dir: string, maxBytes: number) {
  mkdirSync(dir, { recursive: true });
  const sizes = new Map<string, { size: number; used: number }>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.wav')) {
      rmSync(join(dir, name), { force: true }); // a write cut short by a crash
      continue;
    }
    const stat = statSync(join(dir, name));
    sizes.set(name.slice(0, -4), { size: stat.size, used: stat.mtimeMs });
  }
  let total = [...sizes.values()].reduce((sum, entry) => sum + entry.size, 0);

  const pathOf = (clipId: string) => join(dir, `${clipId}.wav`);

  const evict = (keep: string) => {
    if (total <= maxBytes) return;
    const oldestFirst = [...sizes.entries()].filter(([id]) => id !== keep).sort((a, b) => a[1].used - b[1].used);
    for (const [id, entry] of oldestFirst) {
      if (total <= maxBytes) break;
      rmSync(pathOf(id), { force: true });
      sizes.delete(id);
      total -= entry.size;
    }
  };

  return {
    /** The file of a cached clip, or undefined; ids are checked so a path can never escape the folder. */
    path(clipId: string): string | undefined {
      if (!CLIP_ID.test(clipId) || !sizes.has(clipId)) return undefined;
      return pathOf(clipId);
    },
    /** A cache hit marks the clip as used and answers its size in bytes; undefined on a miss. */
    hit(clipId: string): number | undefined {
      const entry = sizes.get(clipId);
      if (!entry) return undefined;
      if (!existsSync(pathOf(clipId))) {
        sizes.delete(clipId);
        total -= entry.size;
        return undefined;
      }
      const now = Date.now();
      entry.used = now;
      utimesSync(pathOf(clipId), now / 1000, now / 1000);
      return entry.size;
    },
    put(clipId: string, wav: Buffer): void {
      // Write then rename: a crash mid-write leaves a .part, never a truncated clip.
      const part = `${pathOf(clipId)}.part`;
      writeFileSync(part, wav);
      renameSync(part, pathOf(clipId));
      const previous = sizes.get(clipId)?.size ?? 0;
      sizes.set(clipId, { size: wav.length, used: Date.now() });
      total += wav.length - previous;
      evict(clipId);
    },
  };
}

export type SpeechCache = ReturnType<typeof createSpeechCache>;
