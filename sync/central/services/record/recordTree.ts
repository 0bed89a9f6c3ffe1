import type BetterSqlite3 from 'better-sqlite3';
import { hashesCompletedBy, leafHash, treeHash, type Hash, type HashReader } from '../../../record/merkle.js';

/*
 * The Merkle tree over the record's entries. Leaf hashes (level 0) are not
 * stored: they are one SHA-256 of an entry that is stored anyway. The hashes of
 * complete subtrees from level 1 up are stored once computed ("integrated"),
 * so a proof or a tile is a few range reads, never a recomputation.
 */

/** Entries integrated per transaction: a backlog is worked through without holding the database for long. */
export const INTEGRATE_CHUNK = 8192;

/** The stored record, read synchronously: on SQLite straight from the file, on PostgreSQL from what was fetched for it (prefetchedRecord.ts). */
export interface RecordReader {
  /** The hash of node (level, index): level 0 is an entry's leaf hash. */
  readonly read: HashReader;
  /** Entries appended, integrated or not. */
  size(): number;
  /** The largest tree the stored hashes can prove: every level-1 pair is stored up to 2·pairs, and one more entry needs no stored hash of its own. */
  integratedSize(): number;
  /** Every level-1 pair below this leaf is stored: where integration goes on from. */
  integratedPairsEnd(): number;
  root(size: number): Hash;
  /** Hashes of tree level `level`, indexes [from, to): level 0 from the entries, the others as stored. */
  hashes(level: number, from: number, to: number): Buffer[];
  /** The entries [from, to) that exist. */
  entries(from: number, to: number): Buffer[];
}

export function recordReader(sqlite: BetterSqlite3.Database): RecordReader {
  const hashAt = sqlite.prepare<[number, number], Buffer>('SELECT hash FROM record_hashes WHERE level = ? AND idx = ?').pluck();
  const entryAt = sqlite.prepare<[number], Buffer>('SELECT entry FROM record_entries WHERE idx = ?').pluck();
  const hashRange = sqlite
    .prepare<[number, number, number], Buffer>('SELECT hash FROM record_hashes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx')
    .pluck();
  const entryRange = sqlite
    .prepare<[number, number], Buffer>('SELECT entry FROM record_entries WHERE idx >= ? AND idx < ? ORDER BY idx')
    .pluck();
  const count = sqlite.prepare<[], number>('SELECT coalesce(max(idx) + 1, 0) FROM record_entries').pluck();
  const pairs = sqlite.prepare<[], number>('SELECT coalesce(max(idx) + 1, 0) FROM record_hashes WHERE level = 1').pluck();
  const read: HashReader = (level, index) => {
    const found = level === 0 ? entryAt.get(index) : hashAt.get(level, index);
    if (!found) throw new Error(`record: the stored tree lacks hash ${String(level)}/${String(index)}`);
    return level === 0 ? leafHash(found) : found;
  };
  const entries = (from: number, to: number): Buffer[] => entryRange.all(from, to);
  /** Every level-1 pair below this leaf is stored: where integration goes on from. */
  const integratedPairsEnd = (): number => 2 * (pairs.get() ?? 0);
  return {
    read,
    /** Entries appended, integrated or not. */
    size: (): number => count.get() ?? 0,
    /**
     * The largest tree the stored hashes can prove: every level-1 pair is stored
     * up to 2·pairs, and one more entry needs no stored hash of its own.
     */
    integratedSize: (): number => Math.min(count.get() ?? 0, integratedPairsEnd() + 1),
    integratedPairsEnd,
    root: (size: number): Hash => treeHash(size, read),
    /** Hashes of tree level `level`, indexes [from, to): level 0 from the entries, the others as stored. */
    hashes: (level: number, from: number, to: number): Buffer[] =>
      level === 0 ? entries(from, to).map(leafHash) : hashRange.all(level, from, to),
    entries,
  };
}

/** The hashes that integrating the next chunk of entries stores, and how many entries wait after it. */
export interface IntegrationStep {
  readonly hashes: ReadonlyArray<{ readonly level: number; readonly index: number; readonly hash: Hash }>;
  readonly waiting: number;
}

/**
 * What integrating the entries appended since the last run (at most
 * `INTEGRATE_CHUNK` of them) stores: the hashes of every subtree they
 * complete, level 1 and up. The caller writes them in one transaction, and
 * works through a backlog a chunk at a time while `waiting` is above zero.
 */
export function integrationStep(reader: RecordReader): IntegrationStep {
  // Every level-1 pair below `from` is stored, so the subtrees a new leaf closes are at hand (the
  // peaks of the tree of `from` leaves, one per set bit); from there on they are kept in memory.
  const from = reader.integratedPairsEnd();
  const size = reader.size();
  const to = Math.min(size, from + INTEGRATE_CHUNK);
  const peaks = new Map<number, Hash>();
  for (let level = 1; 2 ** level <= from; level += 1)
    if (Math.floor(from / 2 ** level) % 2 === 1) peaks.set(level, reader.read(level, Math.floor(from / 2 ** level) - 1));
  const fromPeaks: HashReader = (level) => {
    const peak = peaks.get(level);
    if (!peak) throw new Error(`record: no peak at level ${String(level)} while integrating`);
    return peak;
  };
  const hashes: Array<IntegrationStep['hashes'][number]> = [];
  reader.entries(from, to).forEach((entry, offset) => {
    const completed = hashesCompletedBy(from + offset, leafHash(entry), fromPeaks);
    for (const node of completed) if (node.level > 0) hashes.push(node);
    const top = completed.at(-1);
    if (!top) return;
    for (let level = 0; level < top.level; level += 1) peaks.delete(level);
    peaks.set(top.level, top.hash);
  });
  return { hashes, waiting: size - to };
}

/** Integration on SQLite: one step in one transaction of the caller's choosing (`.immediate()`); answers how many entries still wait. */
export function createRecordIntegrator(sqlite: BetterSqlite3.Database) {
  const reader = recordReader(sqlite);
  const insertHash = sqlite.prepare<[number, number, Buffer]>('INSERT INTO record_hashes (level, idx, hash) VALUES (?, ?, ?)');
  return sqlite.transaction((): number => {
    const step = integrationStep(reader);
    for (const node of step.hashes) insertHash.run(node.level, node.index, node.hash);
    return step.waiting;
  });
}
