import type BetterSqlite3 from 'better-sqlite3';
import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { createPackReader } from './contentPacks.js';
import {
  batchQuestions,
  decideBatch,
  voterSlot,
  type BatchPlan,
  type BatchQuestions,
  type DeviceRow,
  type HeldState,
  type VoteOrder,
} from './ingestDecision.js';
import { createItemCheck, type ItemVerdict } from './itemCheck.js';
import { createRecordAppender } from './record/recordLog.js';
import { ReplayedNonceError } from './requestVerification.js';
import type { VoteKeys } from './voteCheck.js';
import { centralNow } from './clock.js';

/** One device's batch on SQLite, decided by ingestDecision.ts: the caller's transaction holds the write lock. */
export type SqliteBatch = (deviceId: string, items: readonly SubmissionEnvelope[], nonce: string | undefined) => Receipt[];

type Rows<T> = BetterSqlite3.Statement<unknown[], T>;

/**
 * What ingest reads on SQLite before deciding a batch: the request's nonce
 * (recorded, or the batch refused), and what Central holds under the batch's
 * ids, codes and voters. Lists go in as one JSON array (json_each), so a
 * batch of 100 costs one statement per question, not one per item.
 */
function createSqliteReads(sqlite: BetterSqlite3.Database) {
  const insertNonce = sqlite.prepare('INSERT INTO request_nonces (device_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const held = sqlite
    .prepare('SELECT id, payload_sha256 FROM submissions WHERE device_id = ? AND id IN (SELECT value FROM json_each(?))')
    .raw() as Rows<[string, string]>;
  // Feedback and proposals share the tracking-code space: one code, one thing to follow.
  const taken = sqlite
    .prepare(
      `SELECT code FROM feedback WHERE code IN (SELECT value FROM json_each(?))
       UNION ALL SELECT code FROM proposals WHERE code IN (SELECT value FROM json_each(?))`,
    )
    .pluck() as Rows<string>;
  const device = sqlite.prepare('SELECT branch_id, channel, last_ingest_at FROM devices WHERE id = ?') as Rows<DeviceRow>;
  const counted = sqlite
    .prepare('SELECT claimed_at, device_id, submission_id FROM votes WHERE ballot_id = ? AND voter_key = ? AND counted = 1')
    .raw() as Rows<[string, string, string]>;

  return (deviceId: string, questions: BatchQuestions, nonce: string | undefined): HeldState => {
    if (nonce !== undefined && insertNonce.run(deviceId, nonce, Date.now()).changes !== 1) throw new ReplayedNonceError('replayed nonce');
    const codes = JSON.stringify(questions.codes);
    const countedVotes = new Map<string, VoteOrder>();
    for (const { ballotId, voterKey } of questions.voters) {
      const row = counted.get(ballotId, voterKey);
      if (row) countedVotes.set(voterSlot(ballotId, voterKey), row);
    }
    return {
      held: new Map(held.all(deviceId, JSON.stringify(questions.ids))),
      takenCodes: new Set(questions.codes.length === 0 ? [] : taken.all(codes, codes)),
      device: device.get(deviceId),
      countedVotes,
    };
  };
}

/**
 * Writes a decided batch on SQLite, row by row through statements prepared
 * once per connection: inside one synchronous transaction a row costs
 * microseconds, and no statement is compiled per batch. `withRecord: false`
 * leaves out the public record's entries (the benchmark of what the record costs).
 */
function createSqliteWrites(sqlite: BetterSqlite3.Database, withRecord: boolean) {
  const submission = sqlite.prepare(
    `INSERT INTO submissions (device_id, id, seq, type, payload_json, payload_sha256, claimed_created_at, received_at, content_version, confirmation_code, attachments_pending)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, id) DO NOTHING`,
  );
  const attachment = sqlite.prepare(
    `INSERT INTO submission_attachments (device_id, submission_id, name, size, sha256, content_type, upload_id, received_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  const uncountVote = sqlite.prepare('UPDATE votes SET counted = 0 WHERE device_id = ? AND submission_id = ?');
  const uncountChoices = sqlite.prepare('UPDATE vote_choices SET counted = 0 WHERE device_id = ? AND submission_id = ?');
  const vote = sqlite.prepare(
    'INSERT INTO votes (device_id, submission_id, ballot_id, voter_key, claimed_at, received_at, counted) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const choice = sqlite.prepare(
    'INSERT INTO vote_choices (device_id, submission_id, ballot_id, initiative_id, counted) VALUES (?, ?, ?, ?, ?)',
  );
  const feedback = sqlite.prepare(
    `INSERT INTO feedback (code, source, device_id, submission_id, branch_id, service_id, kind, message, language, has_voice, contact_sealed,
       consent_to_contact, notify, claimed_at, clock_start_at, received_at, offline_delay_sec, due_at, current_due_at, status, updated_at)
     VALUES (?, 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
  );
  const proposal = sqlite.prepare(
    `INSERT INTO proposals (code, device_id, submission_id, branch_id, title, description, language, has_voice, contact_sealed, notify, received_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
  );
  const append = createRecordAppender(sqlite);
  const receiptIndex = sqlite.prepare('INSERT INTO record_receipts (lookup, idx) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const ledger = sqlite.prepare(`INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES (?, 'submissions.received', ?, ?)`);
  // What Central holds from the device (for reconciliation) and when it last acknowledged a batch (the floor of feedback clocks).
  const progress = sqlite.prepare(
    'UPDATE devices SET last_ingest_at = ?, held_count = held_count + ?, max_seq = max(max_seq, ?) WHERE id = ?',
  );

  return (deviceId: string, plan: BatchPlan): void => {
    const at = plan.receivedAt;
    for (const row of plan.submissions) {
      const { id, seq, type, payloadJson, payloadSha256, claimedAt, contentVersion, confirmationCode, attachmentsPending } = row;
      const args = [
        deviceId,
        id,
        seq,
        type,
        payloadJson,
        payloadSha256,
        claimedAt,
        at,
        contentVersion,
        confirmationCode,
        attachmentsPending,
      ];
      // Decided against what was read under the write lock: a row already here means a second writer, and nothing may be acknowledged.
      if (submission.run(...args).changes !== 1) throw new Error(`ingest: submission ${id} was stored meanwhile; another writer?`);
    }
    for (const file of plan.attachments) attachment.run(deviceId, file.submissionId, file.name, file.size, file.sha256, file.contentType);
    for (const [device, submissionId] of plan.uncount) {
      uncountVote.run(device, submissionId);
      uncountChoices.run(device, submissionId);
    }
    for (const row of plan.votes) {
      vote.run(deviceId, row.submissionId, row.ballotId, row.voterKey, row.claimedAt, at, row.counted);
      for (const initiative of row.choices) choice.run(deviceId, row.submissionId, row.ballotId, initiative, row.counted);
    }
    for (const f of plan.feedback)
      feedback.run(
        f.code,
        deviceId,
        f.submissionId,
        f.branchId,
        f.serviceId,
        f.kind,
        f.message,
        f.language,
        f.hasVoice,
        f.contactSealed,
        f.consent,
        f.notify,
        f.claimedAt,
        f.clockStartAt,
        at,
        f.offlineDelaySec,
        f.dueAt,
        f.dueAt, // current_due_at starts at due_at
        at, // updated_at
      );
    for (const p of plan.proposals)
      proposal.run(
        p.code,
        deviceId,
        p.submissionId,
        p.branchId,
        p.title,
        p.description,
        p.language,
        p.hasVoice,
        p.contactSealed,
        p.notify,
        at,
      );
    if (withRecord) {
      const indexes = append(
        plan.entries.map((entry) => ({ kind: 'submission.accepted', subject: entry.subject, detail: entry.detail })),
        at,
      );
      plan.entries.forEach((entry, position) => {
        // Two submissions cannot share a receipt code (100 random bits); if a kiosk ever sent one twice, the first keeps it.
        if (entry.lookup !== undefined) receiptIndex.run(entry.lookup, indexes[position]);
      });
    }
    if (plan.progress) {
      ledger.run(at, deviceId, plan.progress.ledgerJson);
      progress.run(at, plan.progress.count, plan.progress.maxSeq, deviceId);
    }
  };
}

/** ingestDecision.ts's port on SQLite: read what the batch needs, decide, write; run inside the caller's transaction. */
export function createSqliteBatch(sqlite: BetterSqlite3.Database, keys: VoteKeys, options: { readonly withRecord: boolean }): SqliteBatch {
  const check: (item: SubmissionEnvelope) => ItemVerdict = createItemCheck(createPackReader(sqlite), keys);
  const read = createSqliteReads(sqlite);
  const write = createSqliteWrites(sqlite, options.withRecord);
  return (deviceId, items, nonce) => {
    const verdicts = items.map(check);
    const state = read(deviceId, batchQuestions(items, verdicts), nonce);
    const plan = decideBatch(deviceId, items, verdicts, state, centralNow().toISOString());
    write(deviceId, plan);
    return [...plan.receipts];
  };
}
