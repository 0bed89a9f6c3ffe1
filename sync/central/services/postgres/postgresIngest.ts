import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Receipt } from '../../../protocol/push.js';
import type { SubmissionEnvelope } from '../../../protocol/submission.js';
import { postgresPoolOf } from '../../db/openCentralDb.js';
import { RECORD_APPEND_LOCK } from '../../db/postgres/advisoryLocks.js';
import type { CentralDatabase } from '../../db/schema.js';
import { createItemCheck } from '../itemCheck.js';
import type { PendingBatch } from '../pendingBatch.js';
import type { VoteKeys } from '../voteCheck.js';
import { ReplayedNonceError } from '../requestVerification.js';
import { storeBatchPostgres, type GroupState } from './postgresBatch.js';
import { createPostgresPacks } from './postgresPacks.js';

/** At most this many requests share a commit: a bigger group only delays the first receipt. */
const MAX_GROUP = 32;

interface Ingest {
  readonly pool: pg.Pool;
  readonly packs: ReturnType<typeof createPostgresPacks>;
  readonly check: ReturnType<typeof createItemCheck>;
  readonly pending: PendingBatch[];
  running: boolean;
}
const ingests = new WeakMap<pg.Pool, Ingest>();

/**
 * Group commit on PostgreSQL, as on SQLite (ingest.ts): batches that arrive
 * while a commit is under way wait for the next one, and every request gets
 * its receipts only after the commit holding its items returned. The group's
 * transaction takes the record's append lock first, so ingest is one writer
 * at a time across every Central on this database. A replayed nonce refuses
 * only its own request (it is found before the batch writes anything).
 */
async function commitGroup(ingest: Ingest, group: readonly PendingBatch[]): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await ingest.pool.connect();
  } catch (error) {
    group.forEach((entry) => entry.reject(error));
    return;
  }
  let broken: Error | undefined;
  try {
    // One round trip: the transaction and the record's lock (a literal: a simple query takes no parameters).
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${String(RECORD_APPEND_LOCK)})`);
    await ingest.packs.load(
      client,
      group.flatMap((entry) => entry.items.map((item) => item.contentVersion)),
    );
    const state: GroupState = { nextIndex: undefined };
    const outcomes: Array<{ ok: true; receipts: Receipt[] } | { ok: false; error: unknown }> = [];
    for (const entry of group) {
      try {
        outcomes.push({
          ok: true,
          receipts: await storeBatchPostgres(client, ingest.check, state, entry.deviceId, entry.items, entry.nonce),
        });
      } catch (error) {
        // A replayed nonce is refused before its batch writes anything: the group goes on without it.
        // Anything else leaves the transaction unusable: the whole group fails, and its kiosks resend.
        if (!(error instanceof ReplayedNonceError)) throw error;
        outcomes.push({ ok: false, error });
      }
    }
    await client.query('COMMIT');
    outcomes.forEach((outcome, index) => {
      const entry = group[index];
      if (outcome.ok) entry?.resolve(outcome.receipts);
      else entry?.reject(outcome.error);
    });
  } catch (error) {
    // Not committed, or its fate unknown to this process (a lost connection): no receipt is sent, the kiosks resend, and resends are duplicates.
    broken = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    group.forEach((entry) => entry.reject(error));
  } finally {
    // A connection that failed mid-transaction is closed, not handed to the next request.
    client.release(broken);
  }
}

async function drain(ingest: Ingest): Promise<void> {
  while (ingest.pending.length > 0) await commitGroup(ingest, ingest.pending.splice(0, MAX_GROUP));
  ingest.running = false;
}

/** ingestBatch on PostgreSQL (see ingest.ts for what a receipt says). */
export function ingestBatchPostgres(
  db: Kysely<CentralDatabase>,
  keys: VoteKeys,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  nonce: string | undefined,
): Promise<Receipt[]> {
  const pool = postgresPoolOf(db);
  let ingest = ingests.get(pool);
  if (!ingest) {
    const packs = createPostgresPacks();
    ingest = { pool, packs, check: createItemCheck(packs.read, keys), pending: [], running: false };
    ingests.set(pool, ingest);
  }
  const target = ingest;
  return new Promise((resolve, reject) => {
    target.pending.push({ deviceId, items, nonce, resolve, reject });
    if (target.running) return;
    target.running = true;
    // Until the event loop has read every ready request: they join this first group.
    setImmediate(() => void drain(target));
  });
}
