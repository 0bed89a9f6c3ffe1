import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import { sqliteHandleOf } from '../../db/openCentralDb.js';
import { RECORD_INTEGRATE_LOCK } from '../../db/postgres/advisoryLocks.js';
import type { CentralDatabase } from '../../db/schema.js';
import { readPrefetched } from './prefetchedRecord.js';
import { createRecordIntegrator, integrationStep, recordReader, type RecordReader } from './recordTree.js';

/** The stored record as the signer and the public pages use it, on either engine. */
export interface RecordStore {
  /**
   * Runs `use` on the stored record. On SQLite while holding the database connection: the reader's
   * synchronous lookups then never run inside another request's open transaction (and never see what
   * it may roll back). On PostgreSQL on what was fetched for it, committed data only.
   */
  readonly read: <T>(use: (reader: RecordReader) => T) => Promise<T>;
  /** Integrates every entry appended since the last run, a chunk per transaction, so ingest goes on between chunks. */
  readonly integrateAll: () => Promise<void>;
}

/** Hash rows per INSERT on PostgreSQL: 3 parameters each, well under its 65,535. */
const HASH_ROWS_PER_INSERT = 4096;

export function openRecordStore(db: Kysely<CentralDatabase>): RecordStore {
  if (!isPostgres(db)) {
    const sqlite = sqliteHandleOf(db);
    const reader = recordReader(sqlite);
    const integrate = createRecordIntegrator(sqlite);
    return {
      read: (use) => db.connection().execute(() => Promise.resolve(use(reader))),
      async integrateAll() {
        let waiting = 1;
        while (waiting > 0) waiting = await db.connection().execute(() => Promise.resolve(integrate.immediate()));
      },
    };
  }
  return {
    read: (use) => readPrefetched(db, use),
    async integrateAll() {
      let waiting = 1;
      while (waiting > 0) {
        waiting = await db.transaction().execute(async (trx) => {
          // Two Centrals may integrate at once: one at a time, each starting from what the other stored.
          await sql`SELECT pg_advisory_xact_lock(${RECORD_INTEGRATE_LOCK})`.execute(trx);
          const step = await readPrefetched(trx, integrationStep);
          for (let at = 0; at < step.hashes.length; at += HASH_ROWS_PER_INSERT) {
            const rows = step.hashes
              .slice(at, at + HASH_ROWS_PER_INSERT)
              .map((node) => ({ level: node.level, idx: node.index, hash: node.hash }));
            await trx.insertInto('record_hashes').values(rows).execute();
          }
          return step.waiting;
        });
      }
    },
  };
}
