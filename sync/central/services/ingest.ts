import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { sqliteHandleOf } from '../db/openCentralDb.js';
import { isPostgres } from '../db/dialect.js';
import { ingestBatchPostgres } from './postgres/postgresIngest.js';
import type { CentralDatabase } from '../db/schema.js';
import { createSqliteBatch, type SqliteBatch } from './sqliteBatch.js';
import type { VoteKeys } from './voteCheck.js';
import type { PendingBatch } from './pendingBatch.js';

/**
 * Ingest on SQLite: each batch as one synchronous better-sqlite3 savepoint
 * (sqliteBatch.ts, statements prepared once per connection), several
 * requests' batches in one commit. Kysely would compile and prepare fresh
 * statements per batch and take two async round trips for BEGIN/COMMIT,
 * which together cost more than the inserts.
 */
export interface IngestStatements {
  readonly batch: BetterSqlite3.Transaction<SqliteBatch>;
  readonly group: BetterSqlite3.Transaction<(group: readonly PendingBatch[]) => BatchOutcome[]>;
}

type BatchOutcome = { readonly ok: true; readonly receipts: Receipt[] } | { readonly ok: false; readonly error: unknown };
const statementCache = new WeakMap<BetterSqlite3.Database, IngestStatements>();

function ingestStatements(sqlite: BetterSqlite3.Database, keys: VoteKeys): IngestStatements {
  const cached = statementCache.get(sqlite);
  if (cached) return cached;
  const statements = prepareIngest(sqlite, keys, { withRecord: true });
  statementCache.set(sqlite, statements);
  return statements;
}

/**
 * Prepares ingest on a connection: Central's own (ingestStatements above), or,
 * in the benchmark of the record's cost, one that writes no record entries, so
 * "the same inserts without the log" are these very ones.
 */
export function prepareIngest(sqlite: BetterSqlite3.Database, keys: VoteKeys, options: { readonly withRecord: boolean }): IngestStatements {
  const batch = sqlite.transaction(createSqliteBatch(sqlite, keys, options));
  // Several requests' batches in ONE commit (one fsync): each in its own savepoint (better-sqlite3
  // nests `batch` as one), so a replayed nonce refuses only its own request.
  const group = sqlite.transaction((pending: readonly PendingBatch[]): BatchOutcome[] =>
    pending.map((entry) => {
      try {
        return { ok: true, receipts: batch(entry.deviceId, entry.items, entry.nonce) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  return { batch, group };
}

/** At most this many requests share a commit: a bigger group only delays the first receipt. */
const MAX_GROUP = 32;

interface CommitQueue {
  pending: PendingBatch[];
  scheduled: boolean;
}
const queues = new WeakMap<BetterSqlite3.Database, CommitQueue>();

/**
 * Group commit. Batches that arrive while Central is busy wait (until the
 * event loop has read every ready request: setImmediate) and then commit
 * together, each in its own savepoint. Every request still gets its receipts
 * only after the commit that holds its items is durable; under load, 50
 * kiosks pay for far fewer fsyncs and transaction starts than 50 commits.
 */
function commitSoon(db: Kysely<CentralDatabase>, statements: IngestStatements, queue: CommitQueue): void {
  if (queue.scheduled) return;
  queue.scheduled = true;
  setImmediate(() => {
    void (async () => {
      while (queue.pending.length > 0) {
        const group = queue.pending.splice(0, MAX_GROUP);
        let outcomes: BatchOutcome[];
        try {
          // Holding Kysely's connection (its driver serialises every query on the one better-sqlite3
          // handle) while the synchronous transaction runs: nothing interleaves. IMMEDIATE takes the write lock at BEGIN.
          outcomes = await db.connection().execute(() => Promise.resolve(statements.group.immediate(group)));
        } catch (error) {
          group.forEach((entry) => entry.reject(error));
          continue;
        }
        outcomes.forEach((outcome, index) => {
          const entry = group[index];
          if (outcome.ok) entry?.resolve(outcome.receipts);
          else entry?.reject(outcome.error);
        });
      }
      queue.scheduled = false;
    })();
  });
}

/**
 * Stores one batch from one device and returns a receipt per item, once the
 * commit holding it is durable. Insert-or-ignore by (device, id): a resend is
 * `duplicate`, the same id with other content is `conflict`.
 */
export function ingestBatch(
  db: Kysely<CentralDatabase>,
  /** Central's keys for sealed personal data (a verified vote's personal number). */
  keys: VoteKeys,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  /** The request's nonce, recorded in this same commit (see requireDevice's deferNonce). */
  nonce?: string,
): Promise<Receipt[]> {
  if (isPostgres(db)) return ingestBatchPostgres(db, keys, deviceId, items, nonce);
  const sqlite = sqliteHandleOf(db);
  const statements = ingestStatements(sqlite, keys);
  let queue = queues.get(sqlite);
  if (!queue) {
    queue = { pending: [], scheduled: false };
    queues.set(sqlite, queue);
  }
  const target = queue;
  return new Promise((resolve, reject) => {
    target.pending.push({ deviceId, items, nonce, resolve, reject });
    commitSoon(db, statements, target);
  });
}
