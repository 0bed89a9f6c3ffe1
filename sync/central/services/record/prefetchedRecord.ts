import { sql, type Kysely, type Transaction } from 'kysely';
import { HASH_SIZE, leafHash, treeHash, type Hash } from '../../../record/merkle.js';
import type { CentralDatabase } from '../../db/schema.js';
import type { RecordReader } from './recordTree.js';

type Db = Kysely<CentralDatabase> | Transaction<CentralDatabase>;

/** Passes before a read is given up: each pass fetches what the previous one found missing; a proof needs two or three. */
const MAX_PASSES = 8;
const PLACEHOLDER: Hash = Buffer.alloc(HASH_SIZE);
/** A stored hash's place in the fetched map. */
const key = (level: number, index: number): string => `${String(level)}/${String(index)}`;

/*
 * The record's reader on PostgreSQL. The Merkle code (proofs, roots, tiles,
 * integration) reads the stored tree synchronously, node by node, as SQLite
 * answers at once; PostgreSQL answers over the network. Which nodes a proof or
 * a root needs depends only on indexes and the tree's size, never on the
 * hashes' values, so the synchronous code runs against what was fetched so
 * far, every miss answered by a placeholder and noted; the misses are fetched
 * in a few set-wise queries and the code runs again, until a run misses
 * nothing. Only that last run's answer is returned. Entries and stored hashes
 * never change once written (the database refuses UPDATE and DELETE), and the
 * size is read once per read, so every run sees one and the same record.
 */
export async function readPrefetched<T>(db: Db, use: (reader: RecordReader) => T): Promise<T> {
  let size: number | undefined;
  let pairs: number | undefined;
  const entries = new Map<number, Buffer>();
  const hashes = new Map<string, Buffer>();
  const fetchedRanges = new Set<string>();

  for (let pass = 1; pass <= MAX_PASSES; pass += 1) {
    const missing = { size: false, pairs: false, nodes: [] as Array<[number, number]>, ranges: [] as Array<[number, number, number]> };
    const range = (level: number, from: number, to: number): Buffer[] => {
      if (!fetchedRanges.has(`${String(level)}:${String(from)}:${String(to)}`)) {
        missing.ranges.push([level, from, to]);
        return [];
      }
      const found: Buffer[] = [];
      for (let index = from; index < to; index += 1) {
        const value = level === 0 ? entries.get(index) : hashes.get(key(level, index));
        if (!value) break;
        found.push(value);
      }
      return found;
    };
    const reader: RecordReader = {
      read: (level, index) => {
        const found = level === 0 ? entries.get(index) : hashes.get(key(level, index));
        if (found) return level === 0 ? leafHash(found) : found;
        missing.nodes.push([level, index]);
        return PLACEHOLDER;
      },
      size: () => {
        if (size === undefined) missing.size = true;
        return size ?? 0;
      },
      integratedPairsEnd: () => {
        if (pairs === undefined) missing.pairs = true;
        return 2 * (pairs ?? 0);
      },
      integratedSize: () => Math.min(reader.size(), reader.integratedPairsEnd() + 1),
      root: (treeSize) => treeHash(treeSize, reader.read),
      hashes: (level, from, to) => (level === 0 ? range(0, from, to).map(leafHash) : range(level, from, to)),
      entries: (from, to) => range(0, from, to),
    };
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: use(reader) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const complete = !missing.size && !missing.pairs && missing.nodes.length === 0 && missing.ranges.length === 0;
    if (complete) {
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    }
    if (missing.size) size = await storedSize(db);
    if (missing.pairs) pairs = await storedPairs(db);
    await fetchNodes(db, missing.nodes, entries, hashes);
    // Ranges of one (an entry by index, as the figures' pages list them) are fetched together, the others one query each.
    const singles = missing.ranges.filter(([, from, to]) => to - from === 1);
    for (const level of new Set(singles.map(([level]) => level)))
      await fetchIndexes(
        db,
        level,
        singles.filter(([at]) => at === level).map(([, from]) => from),
        entries,
        hashes,
      );
    for (const [level, from, to] of missing.ranges.filter(([, from, to]) => to - from !== 1))
      await fetchRange(db, level, from, to, entries, hashes);
    for (const [level, from, to] of missing.ranges) fetchedRanges.add(`${String(level)}:${String(from)}:${String(to)}`);
  }
  throw new Error(`record: a read still missed stored data after ${String(MAX_PASSES)} passes`);
}

async function storedSize(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT coalesce(max(idx) + 1, 0) AS n FROM record_entries`.execute(db);
  return rows[0]?.n ?? 0;
}

async function storedPairs(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT coalesce(max(idx) + 1, 0) AS n FROM record_hashes WHERE level = 1`.execute(db);
  return rows[0]?.n ?? 0;
}

async function fetchNodes(
  db: Db,
  nodes: ReadonlyArray<[number, number]>,
  entries: Map<number, Buffer>,
  hashes: Map<string, Buffer>,
): Promise<void> {
  const leaves = nodes.filter(([level]) => level === 0).map(([, index]) => index);
  const inner = nodes.filter(([level]) => level > 0);
  if (leaves.length > 0) {
    const { rows } = await sql<{ idx: number; entry: Buffer }>`SELECT idx, entry FROM record_entries
      WHERE idx = ANY(${leaves}::bigint[])`.execute(db);
    for (const row of rows) entries.set(row.idx, row.entry);
  }
  if (inner.length > 0) {
    const { rows } = await sql<{ level: number; idx: number; hash: Buffer }>`SELECT h.level, h.idx, h.hash FROM record_hashes h
      JOIN unnest(${inner.map(([level]) => level)}::bigint[], ${inner.map(([, index]) => index)}::bigint[]) AS wanted(level, idx)
      ON h.level = wanted.level AND h.idx = wanted.idx`.execute(db);
    for (const row of rows) hashes.set(key(row.level, row.idx), row.hash);
  }
  // A node asked for that is not stored is the same error SQLite's reader gives: the stored tree is damaged.
  for (const [level, index] of nodes)
    if (!(level === 0 ? entries.has(index) : hashes.has(key(level, index))))
      throw new Error(`record: the stored tree lacks hash ${String(level)}/${String(index)}`);
}

/** Entries (level 0) or stored hashes at these indexes, those that exist, in one query. */
async function fetchIndexes(
  db: Db,
  level: number,
  indexes: readonly number[],
  entries: Map<number, Buffer>,
  hashes: Map<string, Buffer>,
): Promise<void> {
  if (level === 0) {
    const { rows } = await sql<{
      idx: number;
      entry: Buffer;
    }>`SELECT idx, entry FROM record_entries WHERE idx = ANY(${indexes}::bigint[])`.execute(db);
    for (const row of rows) entries.set(row.idx, row.entry);
    return;
  }
  const { rows } = await sql<{ idx: number; hash: Buffer }>`SELECT idx, hash FROM record_hashes
    WHERE level = ${level} AND idx = ANY(${indexes}::bigint[])`.execute(db);
  for (const row of rows) hashes.set(key(level, row.idx), row.hash);
}

async function fetchRange(
  db: Db,
  level: number,
  from: number,
  to: number,
  entries: Map<number, Buffer>,
  hashes: Map<string, Buffer>,
): Promise<void> {
  if (level === 0) {
    const { rows } = await sql<{ idx: number; entry: Buffer }>`SELECT idx, entry FROM record_entries
      WHERE idx >= ${from} AND idx < ${to} ORDER BY idx`.execute(db);
    for (const row of rows) entries.set(row.idx, row.entry);
    return;
  }
  const { rows } = await sql<{ idx: number; hash: Buffer }>`SELECT idx, hash FROM record_hashes
    WHERE level = ${level} AND idx >= ${from} AND idx < ${to} ORDER BY idx`.execute(db);
  for (const row of rows) hashes.set(key(level, row.idx), row.hash);
}
