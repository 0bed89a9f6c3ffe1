import { parseCheckpoint, type Checkpoint } from './checkpoint.js';
import { HASH_SIZE, leafHash, levelsOf, treeHash, type Hash } from './merkle.js';
import { openNote, parseVerifierKey } from './note.js';
import { decodeEntryBundle, hashesAtTileLevel, TILE_HEIGHT, TILE_WIDTH, tilePath } from './tiles.js';

/** What a client needs of a log server: the bytes at a path under the log's URL, or an error. */
export type Fetcher = (path: string) => Promise<Buffer>;

export interface Verified {
  readonly checkpoint: Checkpoint;
  readonly entries: readonly Buffer[];
  /** Whether the checkpoint seen before (if any) is a prefix of this one. */
  readonly consistentWith?: { readonly size: number } | undefined;
}

/** Thrown with what exactly does not hold, for the one-line verdict. */
export class RecordProblem extends Error {}

const equal = (a: Hash, b: Hash) => a.length === b.length && a.equals(b);

/**
 * Checks a public record end to end, from nothing but its URL and the key
 * the reader trusts (or the one it publishes, the first time): the signed
 * checkpoint (signatures by unknown keys ignored, as C2SP signed-note says),
 * every entry bundle against the level-0 hash tiles, every higher tile
 * against the hashes recomputed from the entries, the root against the
 * checkpoint, and the checkpoint seen before against this one (the old tree
 * must be this tree's prefix: the record was only ever appended to).
 */
export async function verifyRecord(fetch: Fetcher, trustedKey: string, seenBefore?: Checkpoint): Promise<Verified> {
  const verifier = parseVerifierKey(trustedKey);
  let text: string;
  try {
    text = openNote((await fetch('checkpoint')).toString('utf8'), verifier);
  } catch (error) {
    throw new RecordProblem(`the checkpoint is not signed by ${verifier.name}: ${(error as Error).message}`);
  }
  const checkpoint = parseCheckpoint(text);
  if (checkpoint.origin !== verifier.name) throw new RecordProblem(`the checkpoint is for ${checkpoint.origin}, not ${verifier.name}`);
  const { size } = checkpoint;

  const entries: Buffer[] = [];
  const leaves: Hash[] = [];
  for (let index = 0; index * TILE_WIDTH < size; index += 1) {
    const width = Math.min(TILE_WIDTH, size - index * TILE_WIDTH);
    const bundle = decodeEntryBundle(await fetch(tilePath({ level: 'entries', index, width })));
    const tile = await fetch(tilePath({ level: 0, index, width }));
    if (bundle.length !== width || tile.length !== width * HASH_SIZE)
      throw new RecordProblem(
        `tile ${String(index)} holds ${String(bundle.length)} entries and ${String(tile.length / HASH_SIZE)} hashes, not ${String(width)}`,
      );
    bundle.forEach((entry, at) => {
      const hash = leafHash(entry);
      if (!equal(hash, tile.subarray(at * HASH_SIZE, (at + 1) * HASH_SIZE)))
        throw new RecordProblem(`entry ${String(index * TILE_WIDTH + at)} does not match its hash in tile 0/${String(index)}`);
      entries.push(entry);
      leaves.push(hash);
    });
  }
  const read = levelsOf(leaves);
  if (!equal(treeHash(size, read), checkpoint.root))
    throw new RecordProblem(`the entries' root is not the checkpoint's root (size ${String(size)})`);
  // Higher tiles: each hash must be the subtree the entries make.
  for (let level = 1; hashesAtTileLevel(size, level) > 0; level += 1) {
    const count = hashesAtTileLevel(size, level);
    for (let index = 0; index * TILE_WIDTH < count; index += 1) {
      const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
      const tile = await fetch(tilePath({ level, index, width }));
      for (let at = 0; at < width; at += 1) {
        const expected = read(level * TILE_HEIGHT, index * TILE_WIDTH + at);
        if (!equal(expected, tile.subarray(at * HASH_SIZE, (at + 1) * HASH_SIZE)))
          throw new RecordProblem(`tile ${String(level)}/${String(index)} hash ${String(at)} is not the subtree its entries make`);
      }
    }
  }
  if (!seenBefore) return { checkpoint, entries };
  if (seenBefore.origin !== checkpoint.origin) throw new RecordProblem(`the checkpoint seen before is of ${seenBefore.origin}`);
  if (seenBefore.size > size)
    throw new RecordProblem(`the record shrank from ${String(seenBefore.size)} to ${String(size)} entries (a rollback)`);
  if (seenBefore.size > 0 && !equal(treeHash(seenBefore.size, read), seenBefore.root))
    throw new RecordProblem(`the first ${String(seenBefore.size)} entries no longer have the root seen before: the record was rewritten`);
  return { checkpoint, entries, consistentWith: { size: seenBefore.size } };
}
