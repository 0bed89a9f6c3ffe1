import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../../../protocol/canonicalJson.js';
import { hashesCompletedBy, leafHash, neededForAppend, treeHash, type Hash, type HashReader } from '../../../record/merkle.js';
import { MAX_ENTRY_BYTES } from '../../../record/tiles.js';
import { sqliteHandleOf } from '../../db/openCentralDb.js';
import type { CentralDatabase } from '../../db/schema.js';

type Db = Kysely<CentralDatabase> | Transaction<CentralDatabase>;

/** One step of a process, as the public record says it: no names, no personal data, no citizen's text. */
export interface RecordEvent {
  readonly kind: string;
  readonly subject: string;
  readonly detail: Record<string, unknown>;
}

/** The bytes of an entry: canonical JSON, so anyone can rebuild them from what they mean. */
export function entryBytes(event: RecordEvent, at: string): Buffer {
  const bytes = Buffer.from(canonicalJson({ v: 1, at, kind: event.kind, subject: event.subject, detail: event.detail }), 'utf8');
  if (bytes.length > MAX_ENTRY_BYTES) throw new Error(`record: a ${event.kind} entry of ${String(bytes.length)} bytes exceeds 65,535`);
  return bytes;
}

/**
 * Appends an event to the public record inside the caller's transaction (or
 * its own): the entry and the hashes of the subtrees it completes, written
 * together, so the record says exactly what was committed. Appends are one at
 * a time: inside a transaction nothing else writes the record.
 */
export async function appendRecord(db: Db, event: RecordEvent): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendRecord(trx, event));
  // max(idx), not count(*): the primary key's last entry, without a scan of a record that only grows.
  const { last } = await db
    .selectFrom('record_entries')
    .select((eb) => eb.fn.max<number | null>('idx').as('last'))
    .executeTakeFirstOrThrow();
  const size = last === null ? 0 : last + 1;
  const entry = entryBytes(event, new Date().toISOString());
  const needed = neededForAppend(size);
  const found = new Map<string, Hash>();
  for (const { level, index } of needed) {
    const row = await db.selectFrom('record_hashes').select('hash').where('level', '=', level).where('idx', '=', index).executeTakeFirst();
    if (!row) throw new Error(`record: the stored tree lacks hash ${String(level)}/${String(index)}`);
    found.set(`${String(level)}/${String(index)}`, row.hash);
  }
  const read: HashReader = (level, index) => found.get(`${String(level)}/${String(index)}`) ?? Buffer.alloc(0);
  await db.insertInto('record_entries').values({ idx: size, entry }).execute();
  await db
    .insertInto('record_hashes')
    .values(hashesCompletedBy(size, leafHash(entry), read).map((node) => ({ level: node.level, idx: node.index, hash: node.hash })))
    .execute();
  return size;
}

/**
 * The same append for the synchronous paths that hold better-sqlite3 directly
 * (ingest's batch transaction): prepared statements, run inside the caller's
 * transaction, so the entries commit (or roll back) with what they record.
 */
export function createRecordAppender(sqlite: BetterSqlite3.Database) {
  const last = sqlite.prepare<[], { last: number | null }>('SELECT max(idx) AS last FROM record_entries');
  const hashAt = sqlite.prepare<[number, number], { hash: Buffer }>('SELECT hash FROM record_hashes WHERE level = ? AND idx = ?');
  const insertEntry = sqlite.prepare<[number, Buffer]>('INSERT INTO record_entries (idx, entry) VALUES (?, ?)');
  const insertHash = sqlite.prepare<[number, number, Buffer]>('INSERT INTO record_hashes (level, idx, hash) VALUES (?, ?, ?)');
  const read: HashReader = (level, index) => {
    const row = hashAt.get(level, index);
    if (!row) throw new Error(`record: the stored tree lacks hash ${String(level)}/${String(index)}`);
    return row.hash;
  };
  return (event: RecordEvent, at: string): number => {
    if (!sqlite.inTransaction) throw new Error('record: appends run inside the transaction of what they record');
    const size = (last.get()?.last ?? -1) + 1;
    const entry = entryBytes(event, at);
    insertEntry.run(size, entry);
    for (const node of hashesCompletedBy(size, leafHash(entry), read)) insertHash.run(node.level, node.index, node.hash);
    return size;
  };
}

/** Reads the stored tree synchronously (a few prepared lookups per proof or root), outside any write. */
export function recordReader(db: Kysely<CentralDatabase>) {
  const sqlite = sqliteHandleOf(db);
  const hashAt = sqlite.prepare<[number, number], { hash: Buffer }>('SELECT hash FROM record_hashes WHERE level = ? AND idx = ?');
  const hashRange = sqlite.prepare<[number, number, number], { hash: Buffer }>(
    'SELECT hash FROM record_hashes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx',
  );
  const entryRange = sqlite.prepare<[number, number], { entry: Buffer }>(
    'SELECT entry FROM record_entries WHERE idx >= ? AND idx < ? ORDER BY idx',
  );
  const count = sqlite.prepare<[], { size: number }>('SELECT coalesce(max(idx) + 1, 0) AS size FROM record_entries');
  const read: HashReader = (level, index) => {
    const row = hashAt.get(level, index);
    if (!row) throw new Error(`record: the stored tree lacks hash ${String(level)}/${String(index)}`);
    return row.hash;
  };
  return {
    read,
    size: (): number => count.get()?.size ?? 0,
    root: (size: number): Hash => treeHash(size, read),
    /** Hashes of tree level `level`, indexes [from, to). */
    hashes: (level: number, from: number, to: number): Buffer[] => hashRange.all(level, from, to).map((row) => row.hash),
    entries: (from: number, to: number): Buffer[] => entryRange.all(from, to).map((row) => row.entry),
  };
}

export type RecordReader = ReturnType<typeof recordReader>;
