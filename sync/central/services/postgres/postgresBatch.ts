import type pg from 'pg';
import type { Receipt } from '../../../protocol/push.js';
import type { SubmissionEnvelope } from '../../../protocol/submission.js';
import { entryBytes } from '../record/recordLog.js';
import {
  batchQuestions,
  decideBatch,
  type BatchPlan,
  type BatchQuestions,
  type DeviceRow,
  type HeldState,
  type VoteOrder,
  voterSlot,
} from '../ingestDecision.js';
import type { ItemVerdict } from '../itemCheck.js';
import { ReplayedNonceError } from '../requestVerification.js';
import { storeMessages, storePlanVotes, storeSubmissions } from './postgresWrites.js';
import { centralNow } from '../clock.js';

/**
 * What the batches of one group commit share. The group holds the record's lock from its first statement
 * to its commit, so the log's next index is read once and counted on in memory.
 */
export interface GroupState {
  nextIndex: number | undefined;
}

/**
 * What ingest reads on PostgreSQL before deciding a batch, in two round trips
 * at most: the request's nonce (recorded, or the batch refused before
 * anything is written, so no savepoint is needed to undo it), the ids this
 * device already sent, the device, and the votes that count now for the
 * batch's voters; then the batch's tracking codes already given, if it has any.
 */
async function readHeld(client: pg.ClientBase, deviceId: string, questions: BatchQuestions, nonce: string | undefined): Promise<HeldState> {
  const { rows } = await client.query<{
    fresh: number;
    held: Array<[string, string]>;
    device: DeviceRow | null;
    counted: Array<[string, string, string, string, string]>;
  }>({
    name: 'psh-ingest-read',
    text: `WITH nonce AS (
        INSERT INTO request_nonces (device_id, nonce, seen_at) SELECT $1, $2, $3 WHERE $2::text IS NOT NULL
        ON CONFLICT DO NOTHING RETURNING 1)
      SELECT (SELECT count(*) FROM nonce) AS fresh,
        coalesce((SELECT json_agg(json_build_array(id, payload_sha256)) FROM submissions WHERE device_id = $1 AND id = ANY($4::text[])), '[]') AS held,
        (SELECT row_to_json(d) FROM (SELECT branch_id, channel, last_ingest_at FROM devices WHERE id = $1) d) AS device,
        coalesce((SELECT json_agg(json_build_array(v.ballot_id, v.voter_key, v.claimed_at, v.device_id, v.submission_id)) FROM votes v
          JOIN unnest($5::text[], $6::text[]) AS wanted(ballot_id, voter_key) ON v.ballot_id = wanted.ballot_id AND v.voter_key = wanted.voter_key
          WHERE v.counted = 1), '[]') AS counted`,
    values: [
      deviceId,
      nonce ?? null,
      Date.now(),
      questions.ids,
      questions.voters.map((voter) => voter.ballotId),
      questions.voters.map((voter) => voter.voterKey),
    ],
  });
  const row = rows[0];
  if (nonce !== undefined && row?.fresh !== 1) throw new ReplayedNonceError('replayed nonce');
  const codes = questions.codes;
  const taken =
    codes.length === 0
      ? []
      : (
          await client.query<{ code: string }>({
            name: 'psh-ingest-codes',
            text: 'SELECT code FROM feedback WHERE code = ANY($1::text[]) UNION ALL SELECT code FROM proposals WHERE code = ANY($1::text[])',
            values: [codes],
          })
        ).rows.map((taken) => taken.code);
  return {
    held: new Map(row?.held ?? []),
    takenCodes: new Set(taken),
    device: row?.device ?? undefined,
    countedVotes: new Map(
      (row?.counted ?? []).map(([ballot, voter, claimedAt, device, submission]): [string, VoteOrder] => [
        voterSlot(ballot, voter),
        [claimedAt, device, submission],
      ]),
    ),
  };
}

/**
 * One device's batch on PostgreSQL, inside the group's transaction, which
 * holds the record's append lock (ingest is one writer at a time, as on
 * SQLite: see advisoryLocks.ts). Decided by ingestDecision.ts, as on SQLite,
 * and written set-wise (postgresWrites.ts): each table gets one statement for
 * the whole batch, so a batch of 100 costs about a dozen round trips, not a few hundred.
 */
export async function storeBatchPostgres(
  client: pg.ClientBase,
  check: (item: SubmissionEnvelope) => ItemVerdict,
  group: GroupState,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  nonce: string | undefined,
): Promise<Receipt[]> {
  const verdicts = items.map(check);
  // Read under the lock: nothing changes what is held, or which tracking codes are given, meanwhile.
  const state = await readHeld(client, deviceId, batchQuestions(items, verdicts), nonce);
  const plan = decideBatch(deviceId, items, verdicts, state, centralNow().toISOString());
  if (plan.progress === undefined) return [...plan.receipts];
  await storeSubmissions(client, deviceId, plan);
  await storePlanVotes(client, deviceId, plan);
  await storeMessages(client, deviceId, plan);
  await appendEntries(client, group, plan);
  return [...plan.receipts];
}

/** One public record entry per accepted submission, at the next indexes (the lock makes "the last one plus one" safe), and receipt lookups. */
async function appendEntries(client: pg.ClientBase, group: GroupState, plan: BatchPlan): Promise<void> {
  group.nextIndex ??= (
    await client.query<{ next: number }>({
      name: 'psh-ingest-record-next',
      text: 'SELECT coalesce(max(idx) + 1, 0) AS next FROM record_entries',
    })
  ).rows[0]?.next;
  const next = group.nextIndex;
  if (next === undefined) throw new Error('record: no next index');
  group.nextIndex = next + plan.entries.length;
  const lookups: Array<[string, number]> = [];
  const entries = plan.entries.map((entry, offset) => {
    if (entry.lookup !== undefined) lookups.push([entry.lookup, next + offset]);
    return entryBytes({ kind: 'submission.accepted', subject: entry.subject, detail: entry.detail }, plan.receivedAt);
  });
  await client.query({
    name: 'psh-ingest-record-entries',
    text: 'INSERT INTO record_entries (idx, entry) SELECT * FROM unnest($1::bigint[], $2::bytea[])',
    values: [entries.map((_, offset) => next + offset), entries],
  });
  // Two submissions cannot share a receipt code (100 random bits); if a kiosk ever sent one twice, the first keeps it.
  if (lookups.length > 0)
    await client.query({
      name: 'psh-ingest-record-receipts',
      text: 'INSERT INTO record_receipts (lookup, idx) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING',
      values: [lookups.map(([lookup]) => lookup), lookups.map(([, idx]) => idx)],
    });
}
