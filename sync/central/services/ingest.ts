import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { sqliteHandleOf } from '../db/openCentralDb.js';
import { isPostgres } from '../db/dialect.js';
import { ingestBatchPostgres } from './postgres/postgresIngest.js';
import { createSubmissionRecorder, placeOfDevice, submissionFacts, type SubmissionRecorder } from './submissionEntry.js';
import type { CentralDatabase } from '../db/schema.js';
import { createFeedbackIngest, type DeviceIngestState } from './feedbackIngest.js';
import { ReplayedNonceError } from './requestVerification.js';
import { createVoteIngest, type VoteKeys } from './voteIngest.js';
import { createItemCheck } from './itemCheck.js';
import type { PendingBatch } from './pendingBatch.js';
import { createPackReader } from './contentPacks.js';

/**
 * The statements of the ingest hot path, prepared once per connection, and the
 * batch as one synchronous better-sqlite3 transaction. Kysely would compile
 * and prepare a fresh (100-row) statement per batch and take two async round
 * trips for BEGIN/COMMIT, which together cost more than the inserts.
 */
export interface IngestStatements {
  readonly insertNonce: BetterSqlite3.Statement<[string, string, number]>;
  readonly submission: BetterSqlite3.Statement;
  readonly existingSha: BetterSqlite3.Statement<[string, string], string>;
  readonly attachment: BetterSqlite3.Statement;
  readonly ledger: BetterSqlite3.Statement;
  readonly batch: BetterSqlite3.Transaction<
    (deviceId: string, items: readonly SubmissionEnvelope[], nonce: string | undefined) => Receipt[]
  >;
  readonly group: BetterSqlite3.Transaction<(group: readonly PendingBatch[]) => BatchOutcome[]>;
}

type BatchOutcome = { readonly ok: true; readonly receipts: Receipt[] } | { readonly ok: false; readonly error: unknown };
const statementCache = new WeakMap<BetterSqlite3.Database, IngestStatements>();

function ingestStatements(sqlite: BetterSqlite3.Database, keys: VoteKeys): IngestStatements {
  const cached = statementCache.get(sqlite);
  if (cached) return cached;
  const statements = prepareIngest(sqlite, keys, createSubmissionRecorder(sqlite));
  statementCache.set(sqlite, statements);
  return statements;
}

/**
 * Prepares the ingest statements around the public record's recorder:
 * Central's own (ingestStatements above), or, in the benchmark of the record's
 * cost, one that records nothing, so "the same inserts without the log" are these very ones.
 */
export function prepareIngest(sqlite: BetterSqlite3.Database, keys: VoteKeys, recordSubmission: SubmissionRecorder): IngestStatements {
  const insertNonce = sqlite.prepare<[string, string, number]>(
    'INSERT INTO request_nonces (device_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  // Insert-or-ignore first; only a row that was already there is read back (to tell duplicate from conflict).
  // Positional parameters: binding by name from an object costs more per row, and this runs for every item.
  const submission = sqlite.prepare<[string, string, number, string, string, string, string, string, number, string, number]>(
    `INSERT INTO submissions (device_id, id, seq, type, payload_json, payload_sha256, claimed_created_at, received_at, content_version, confirmation_code, attachments_pending)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (device_id, id) DO NOTHING`,
  );
  const existingSha = sqlite
    .prepare<[string, string], string>('SELECT payload_sha256 FROM submissions WHERE device_id = ? AND id = ?')
    .pluck();
  const attachment = sqlite.prepare(
    `INSERT INTO submission_attachments (device_id, submission_id, name, size, sha256, content_type, upload_id, received_at)
     VALUES (@deviceId, @submissionId, @name, @size, @sha256, @contentType, NULL, NULL)`,
  );
  // The public record: one ledger line per batch, listing what it accepted, in the same commit.
  const ledger = sqlite.prepare(`INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES (?, 'submissions.received', ?, ?)`);
  // What Central holds from the device (for reconciliation) and when it last acknowledged a batch (the floor of feedback clocks).
  const progress = sqlite.prepare(
    'UPDATE devices SET last_ingest_at = ?, held_count = held_count + ?, max_seq = max(max_seq, ?) WHERE id = ?',
  );

  // The public record: one entry per accepted submission, in the same commit (recordSubmission). What was submitted is
  // not in it (no payload, no free text, nothing of a vote's choice): the type, the branch, the content version, the times.
  const receiptIndex = sqlite.prepare<[string, number]>('INSERT INTO record_receipts (lookup, idx) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const placeOf = sqlite.prepare<[string], { branch_id: string; channel: string }>('SELECT branch_id, channel FROM devices WHERE id = ?');

  const feedback = createFeedbackIngest(sqlite);
  const check = createItemCheck(createPackReader(sqlite), keys);
  const votes = createVoteIngest(sqlite, keys);

  const batch = sqlite.transaction((deviceId: string, items: readonly SubmissionEnvelope[], nonce: string | undefined): Receipt[] => {
    if (nonce !== undefined && insertNonce.run(deviceId, nonce, Date.now()).changes !== 1) throw new ReplayedNonceError('replayed nonce');
    const receivedAt = new Date().toISOString();
    const receipts: Receipt[] = [];
    const accepted: Array<[string, number, string]> = [];
    let device: DeviceIngestState | undefined;
    // One device per batch: its branch and channel are read once, for every entry of the batch.
    let place: { branch: string | null; channel: string | undefined } | undefined;
    for (const item of items) {
      const receipt = (status: Receipt['status'], reason?: string): Receipt => ({
        id: item.id,
        status,
        receivedAt,
        ...(reason ? { reason } : {}),
      });
      const verdict = check(item);
      if (!verdict.ok) {
        receipts.push(receipt('rejected', verdict.reason));
        continue;
      }
      const { payloadJson } = verdict;
      // A resend of this very submission is a duplicate below, not a taken code.
      if (
        (item.payload.type === 'feedback' || item.payload.type === 'proposal') &&
        feedback.codeTaken(item.payload.trackingCode) &&
        existingSha.get(deviceId, item.id) === undefined
      ) {
        receipts.push(receipt('rejected', 'tracking code already in use; give the visitor a new one'));
        continue;
      }
      const inserted = submission.run(
        deviceId,
        item.id,
        item.seq,
        item.payload.type,
        payloadJson,
        item.payloadSha256,
        item.createdAt,
        receivedAt,
        item.contentVersion,
        item.confirmationCode,
        item.attachments.length,
      );
      if (inserted.changes === 0) {
        receipts.push(
          existingSha.get(deviceId, item.id) === item.payloadSha256
            ? receipt('duplicate')
            : receipt('conflict', 'same id, different content'),
        );
        continue;
      }
      for (const file of item.attachments) {
        attachment.run({
          deviceId,
          submissionId: item.id,
          name: file.name,
          size: file.size,
          sha256: file.sha256,
          contentType: file.contentType,
        });
      }
      if (item.payload.type === 'vote') votes.record(deviceId, { ...item, payload: item.payload }, verdict.voterKey, receivedAt);
      if (item.payload.type === 'proposal') {
        device ??= feedback.deviceState(deviceId);
        feedback.recordProposal(deviceId, device, { ...item, payload: item.payload }, receivedAt);
      }
      if (item.payload.type === 'feedback') {
        device ??= feedback.deviceState(deviceId);
        feedback.record(deviceId, device, { ...item, payload: item.payload }, receivedAt);
      }
      place ??= placeOfDevice(placeOf.get(deviceId));
      const { index, lookup } = recordSubmission(item.id, submissionFacts(item, deviceId, place, receivedAt, payloadJson));
      // Two submissions cannot share a receipt code (100 random bits); if a kiosk ever sent one twice, the first keeps it.
      if (lookup !== undefined) receiptIndex.run(lookup, index);
      accepted.push([item.id, item.seq, item.payload.type]);
      receipts.push(receipt('accepted'));
    }
    if (accepted.length > 0) {
      ledger.run(receivedAt, deviceId, JSON.stringify({ accepted }));
      progress.run(receivedAt, accepted.length, Math.max(...accepted.map(([, seq]) => seq)), deviceId);
    }
    return receipts;
  });
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
  return { insertNonce, submission, existingSha, attachment, ledger, batch, group };
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
