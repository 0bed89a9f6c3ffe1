import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import { canonicalJson } from '../../../protocol/canonicalJson.js';
import { MAX_ENTRY_BYTES } from '../../../record/tiles.js';
import type { CentralDatabase } from '../../db/schema.js';
import { isPostgres } from '../../db/dialect.js';
import { RECORD_APPEND_LOCK } from '../../db/postgres/advisoryLocks.js';
import { centralNow } from '../clock.js';

type Db = Kysely<CentralDatabase> | Transaction<CentralDatabase>;

/** One step of a process, as the public record says it: no names, no personal data, no citizen's text. */
export interface RecordEvent {
  readonly kind: string;
  readonly subject: string;
  /** What happened, as an object, or already written as canonical JSON (ingest's hot path: submissionEntry.ts). */
  readonly detail: Record<string, unknown> | CanonicalJson;
}

/** A value already written as canonical JSON by code that knows its keys (and a test that checks it). */
export class CanonicalJson {
  constructor(readonly text: string) {}
}

/**
 * The bytes of an entry: canonical JSON, so anyone can rebuild them from what
 * they mean. The envelope's five keys are written in their sorted order by
 * hand (it is what canonicalJson would write, and the unit test checks so):
 * ingest writes one entry per submission, and the general sort was a visible
 * part of its time.
 */
export function entryBytes(event: RecordEvent, at: string): Buffer {
  const text =
    `{"at":${JSON.stringify(at)},"detail":${event.detail instanceof CanonicalJson ? event.detail.text : canonicalJson(event.detail)},` +
    `"kind":${JSON.stringify(event.kind)},"subject":${JSON.stringify(event.subject)},"v":1}`;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > MAX_ENTRY_BYTES) throw new Error(`record: a ${event.kind} entry of ${String(bytes.length)} bytes exceeds 65,535`);
  return bytes;
}

/*
 * Appending is sequencing only: the entry gets the next index, in the same
 * transaction as what it records, and nothing else is written. The Merkle
 * hashes are derived from the entries later, in batches (recordTree.ts's
 * integrateRecord, before a checkpoint is signed), as Tessera separates
 * sequencing from integration: the hot path pays for one row, not for the
 * tree. On the asynchronous path the next index is the primary key's last
 * one plus one, read and written in one statement (a scalar subquery: INSERT
 * ... SELECT from the same table costs SQLite a temporary table, about half
 * again the insert). Ingest's synchronous path appends a whole batch's run:
 * it reads the last index once and numbers the run itself.
 */
/**
 * Takes the record's append lock now, for a transaction that will append after writing rows another
 * Central's transaction may also write (appendScheduledEvents: two Centrals see the same deadline pass).
 * Taken first, the two wait for each other at the start instead of deadlocking halfway. SQLite has one
 * writer already: nothing to take.
 */
export async function holdRecordAppends(trx: Transaction<CentralDatabase>): Promise<void> {
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(${RECORD_APPEND_LOCK})`.execute(trx);
}

/** Appends an event to the public record inside the caller's transaction (or its own); returns its index. */
export async function appendRecord(db: Db, event: RecordEvent): Promise<number> {
  if (isPostgres(db)) {
    // PostgreSQL runs transactions side by side (and two Centrals may share it): the next index is read and
    // written under one lock, held until this transaction ends, so two appends never take the same index.
    if (!db.isTransaction) return db.transaction().execute((trx) => appendRecord(trx, event));
    await sql`SELECT pg_advisory_xact_lock(${RECORD_APPEND_LOCK})`.execute(db);
  }
  const entry = entryBytes(event, centralNow().toISOString());
  const { rows } = await sql<{ idx: number }>`INSERT INTO record_entries (idx, entry)
    VALUES ((SELECT coalesce(max(idx) + 1, 0) FROM record_entries), ${entry}) RETURNING idx`.execute(db);
  const idx = rows[0]?.idx;
  if (idx === undefined) throw new Error('record: the append returned no index');
  return idx;
}

/**
 * The same append for the synchronous paths that hold better-sqlite3 directly
 * (ingest's batch transaction), for a run of entries: the next index is read
 * once and the run takes the indexes after it, inside the caller's
 * transaction, so the entries commit (or roll back) with what they record.
 * The one writer's lock is held from the read to the last insert: nothing
 * can take an index in between.
 */
export type RecordAppender = (events: readonly RecordEvent[], at: string) => number[];

export function createRecordAppender(sqlite: BetterSqlite3.Database): RecordAppender {
  const next = sqlite.prepare<[], number>('SELECT coalesce(max(idx) + 1, 0) FROM record_entries').pluck();
  const insert = sqlite.prepare<[number, Buffer]>('INSERT INTO record_entries (idx, entry) VALUES (?, ?)');
  return (events, at) => {
    if (!sqlite.inTransaction) throw new Error('record: appends run inside the transaction of what they record');
    if (events.length === 0) return [];
    const first = next.get() ?? 0;
    return events.map((event, offset) => {
      insert.run(first + offset, entryBytes(event, at));
      return first + offset;
    });
  };
}
