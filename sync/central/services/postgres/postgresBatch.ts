import type pg from 'pg';
import type { Receipt } from '../../../protocol/push.js';
import type { SubmissionEnvelope } from '../../../protocol/submission.js';
import { entryBytes } from '../record/recordLog.js';
import { placeOfDevice, submissionEntryDetail, submissionFacts } from '../submissionEntry.js';
import { feedbackClock } from '../feedbackClock.js';
import { wantsNotifications } from '../feedbackIngest.js';
import type { ItemVerdict } from '../itemCheck.js';
import { ReplayedNonceError } from '../requestVerification.js';
import { storeVotes, type AcceptedVote } from './postgresVotes.js';

/**
 * What the batches of one group commit share. The group holds the record's lock from its first statement
 * to its commit, so the log's next index is read once and counted on in memory.
 */
export interface GroupState {
  nextIndex: number | undefined;
}

/** An item this batch stores, with what its checks found. */
interface Accepted {
  readonly item: SubmissionEnvelope;
  readonly payloadJson: string;
  readonly voterKey: string | null;
}

const hasVoice = (item: SubmissionEnvelope): number => (item.attachments.some((file) => file.contentType === 'audio/wav') ? 1 : 0);
const trackingCodeOf = (item: SubmissionEnvelope): string | undefined =>
  item.payload.type === 'feedback' || item.payload.type === 'proposal' ? item.payload.trackingCode : undefined;

/**
 * One device's batch on PostgreSQL, inside the group's transaction, which
 * holds the record's append lock (ingest is one writer at a time, as on
 * SQLite: see advisoryLocks.ts). Decided item by item in memory, exactly as
 * ingest decides on SQLite (same receipts, same order), and written set-wise:
 * each table gets one statement for the whole batch (unnest of arrays, a
 * statement PostgreSQL prepares once per connection), so a batch of 100 costs
 * about a dozen round trips, not a few hundred.
 */
export async function storeBatchPostgres(
  client: pg.ClientBase,
  check: (item: SubmissionEnvelope) => ItemVerdict,
  group: GroupState,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  nonce: string | undefined,
): Promise<Receipt[]> {
  // The request's nonce, and what Central already holds under these ids (a resend), in one round trip. A
  // replayed nonce is refused before anything of the batch is written, so no savepoint is needed to undo it.
  const { rows } = await client.query<{ fresh: number; held: Array<[string, string]> }>({
    name: 'psh-ingest-nonce-held',
    text: `WITH nonce AS (
        INSERT INTO request_nonces (device_id, nonce, seen_at) SELECT $1, $2, $3 WHERE $2::text IS NOT NULL
        ON CONFLICT DO NOTHING RETURNING 1)
      SELECT (SELECT count(*) FROM nonce) AS fresh,
        coalesce((SELECT json_agg(json_build_array(id, payload_sha256)) FROM submissions WHERE device_id = $1 AND id = ANY($4::text[])), '[]') AS held`,
    values: [deviceId, nonce ?? null, Date.now(), items.map((item) => item.id)],
  });
  if (nonce !== undefined && rows[0]?.fresh !== 1) throw new ReplayedNonceError('replayed nonce');
  const receivedAt = new Date().toISOString();
  const verdicts = items.map(check);
  // Read under the lock: nothing changes what is held, or which tracking codes are given, meanwhile.
  const held = new Map(rows[0]?.held ?? []);
  const codes = items.flatMap((item) => trackingCodeOf(item) ?? []);
  const taken = new Set(
    codes.length === 0
      ? []
      : (
          await client.query<{ code: string }>({
            name: 'psh-ingest-codes',
            text: 'SELECT code FROM feedback WHERE code = ANY($1::text[]) UNION ALL SELECT code FROM proposals WHERE code = ANY($1::text[])',
            values: [codes],
          })
        ).rows.map((row) => row.code),
  );

  const receipts: Receipt[] = [];
  const accepted: Accepted[] = [];
  items.forEach((item, at) => {
    const receipt = (status: Receipt['status'], reason?: string): Receipt => ({
      id: item.id,
      status,
      receivedAt,
      ...(reason ? { reason } : {}),
    });
    const verdict = verdicts[at];
    if (!verdict?.ok) {
      receipts.push(receipt('rejected', verdict?.reason ?? 'not checked'));
      return;
    }
    const code = trackingCodeOf(item);
    const heldSha = held.get(item.id);
    // A resend of this very submission is a duplicate below, not a taken code.
    if (code !== undefined && taken.has(code) && heldSha === undefined) {
      receipts.push(receipt('rejected', 'tracking code already in use; give the visitor a new one'));
      return;
    }
    if (heldSha !== undefined) {
      receipts.push(heldSha === item.payloadSha256 ? receipt('duplicate') : receipt('conflict', 'same id, different content'));
      return;
    }
    held.set(item.id, item.payloadSha256);
    if (code !== undefined) taken.add(code);
    accepted.push({ item, payloadJson: verdict.payloadJson, voterKey: verdict.voterKey });
    receipts.push(receipt('accepted'));
  });
  if (accepted.length > 0) await storeAccepted(client, group, deviceId, accepted, receivedAt);
  return receipts;
}

async function storeAccepted(
  client: pg.ClientBase,
  group: GroupState,
  deviceId: string,
  accepted: readonly Accepted[],
  receivedAt: string,
): Promise<void> {
  const items = accepted.map((entry) => entry.item);
  const stored = await client.query({
    name: 'psh-ingest-submissions',
    text: `INSERT INTO submissions (device_id, id, seq, type, payload_json, payload_sha256, claimed_created_at, received_at, content_version, confirmation_code, attachments_pending)
      SELECT $1, id, seq, type, payload_json, payload_sha256, claimed_created_at, $2, content_version, confirmation_code, attachments_pending
      FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::bigint[])
        AS item(id, seq, type, payload_json, payload_sha256, claimed_created_at, content_version, confirmation_code, attachments_pending)
      ON CONFLICT (device_id, id) DO NOTHING`,
    values: [
      deviceId,
      receivedAt,
      items.map((item) => item.id),
      items.map((item) => item.seq),
      items.map((item) => item.payload.type),
      accepted.map((entry) => entry.payloadJson),
      items.map((item) => item.payloadSha256),
      items.map((item) => item.createdAt),
      items.map((item) => item.contentVersion),
      items.map((item) => item.confirmationCode),
      items.map((item) => item.attachments.length),
    ],
  });
  // Decided against what was held under the lock: another row here means two writers, and nothing may be acknowledged.
  if (stored.rowCount !== accepted.length)
    throw new Error(`ingest: ${String(stored.rowCount)} of ${String(accepted.length)} submissions stored; another writer?`);

  const files = items.flatMap((item) => item.attachments.map((file) => ({ id: item.id, ...file })));
  if (files.length > 0)
    await client.query({
      name: 'psh-ingest-attachments',
      text: `INSERT INTO submission_attachments (device_id, submission_id, name, size, sha256, content_type, upload_id, received_at)
        SELECT $1, submission_id, name, size, sha256, content_type, NULL, NULL
        FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS file(submission_id, name, size, sha256, content_type)`,
      values: [
        deviceId,
        files.map((file) => file.id),
        files.map((file) => file.name),
        files.map((file) => file.size),
        files.map((file) => file.sha256),
        files.map((file) => file.contentType),
      ],
    });

  const votes: AcceptedVote[] = accepted.flatMap(({ item, voterKey }) =>
    item.payload.type === 'vote' ? [{ item: { ...item, payload: item.payload }, voterKey }] : [],
  );
  if (votes.length > 0) await storeVotes(client, deviceId, votes, receivedAt);

  // The device as it was before this batch (its branch, channel, and previous acknowledged sync: the floor of
  // feedback clocks), the ledger line listing what the batch accepted, and what Central now holds from the
  // device (for reconciliation): one statement, whose parts all see the rows as they were before it.
  const device = (
    await client.query<{ branch_id: string; channel: string; last_ingest_at: string | null }>({
      name: 'psh-ingest-device',
      text: `WITH before AS (SELECT branch_id, channel, last_ingest_at FROM devices WHERE id = $1),
        ledger AS (INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES ($2, 'submissions.received', $1, $3)),
        progress AS (UPDATE devices SET last_ingest_at = $2, held_count = held_count + $4, max_seq = greatest(max_seq, $5) WHERE id = $1)
        SELECT branch_id, channel, last_ingest_at FROM before`,
      values: [
        deviceId,
        receivedAt,
        JSON.stringify({ accepted: items.map((item) => [item.id, item.seq, item.payload.type]) }),
        items.length,
        Math.max(...items.map((item) => item.seq)),
      ],
    })
  ).rows[0];
  await storeMessages(client, deviceId, items, device, receivedAt);
  await appendEntries(client, group, deviceId, accepted, placeOfDevice(device), receivedAt);
}

/** Feedback into the inbox and proposals into moderation, in the commit that acknowledges them. */
async function storeMessages(
  client: pg.ClientBase,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  device: { branch_id: string; last_ingest_at: string | null } | undefined,
  receivedAt: string,
): Promise<void> {
  const branchId = device?.branch_id ?? 'unknown';
  const feedback = items.flatMap((item) => (item.payload.type === 'feedback' ? [{ item, payload: item.payload }] : []));
  if (feedback.length > 0) {
    const clocks = feedback.map(({ item }) => feedbackClock(item.createdAt, receivedAt, device?.last_ingest_at ?? null));
    await client.query({
      name: 'psh-ingest-feedback',
      text: `INSERT INTO feedback (code, source, device_id, submission_id, branch_id, service_id, kind, message, language, has_voice, contact_sealed,
          consent_to_contact, notify, claimed_at, clock_start_at, received_at, offline_delay_sec, due_at, current_due_at, status, updated_at)
        SELECT code, 'kiosk', $1, submission_id, $2, service_id, kind, message, language, has_voice, contact_sealed,
          consent, notify, claimed_at, clock_start_at, $3, offline_delay_sec, due_at, due_at, 'received', $3
        FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[], $12::bigint[], $13::text[], $14::text[], $15::bigint[], $16::text[], $17::bigint[])
          AS f(code, submission_id, service_id, kind, message, language, has_voice, contact_sealed, consent, claimed_at, clock_start_at, offline_delay_sec, due_at, notify)`,
      values: [
        deviceId,
        branchId,
        receivedAt,
        feedback.map(({ payload }) => payload.trackingCode),
        feedback.map(({ item }) => item.id),
        feedback.map(({ payload }) => payload.serviceId),
        feedback.map(({ payload }) => payload.kind),
        feedback.map(({ payload }) => payload.message ?? null),
        feedback.map(({ payload }) => payload.language),
        feedback.map(({ item }) => hasVoice(item)),
        feedback.map(({ item }) => item.personal?.contact ?? null),
        feedback.map(({ payload }) => (payload.consentToContact ? 1 : 0)),
        feedback.map(({ item }) => item.createdAt),
        clocks.map((clock) => clock.clockStartAt),
        clocks.map((clock) => clock.offlineDelaySec),
        clocks.map((clock) => clock.dueAt),
        feedback.map(({ item, payload }) => (wantsNotifications(payload, item) ? 1 : 0)),
      ],
    });
  }
  const proposals = items.flatMap((item) => (item.payload.type === 'proposal' ? [{ item, payload: item.payload }] : []));
  if (proposals.length > 0)
    await client.query({
      name: 'psh-ingest-proposals',
      text: `INSERT INTO proposals (code, device_id, submission_id, branch_id, title, description, language, has_voice, contact_sealed, notify, received_at, status)
        SELECT code, $1, submission_id, $2, title, description, language, has_voice, contact_sealed, notify, $3, 'pending'
        FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::integer[])
          AS p(code, submission_id, title, description, language, has_voice, contact_sealed, notify)`,
      values: [
        deviceId,
        branchId,
        receivedAt,
        proposals.map(({ payload }) => payload.trackingCode),
        proposals.map(({ item }) => item.id),
        proposals.map(({ payload }) => payload.title),
        proposals.map(({ payload }) => payload.description ?? null),
        proposals.map(({ payload }) => payload.language),
        proposals.map(({ item }) => hasVoice(item)),
        proposals.map(({ item }) => item.personal?.contact ?? null),
        proposals.map(({ payload, item }) => (wantsNotifications(payload, item) ? 1 : 0)),
      ],
    });
}

/** One public record entry per accepted submission, at the next indexes (the lock makes "the last one plus one" safe), and receipt lookups. */
async function appendEntries(
  client: pg.ClientBase,
  group: GroupState,
  deviceId: string,
  accepted: readonly Accepted[],
  place: ReturnType<typeof placeOfDevice>,
  receivedAt: string,
): Promise<void> {
  group.nextIndex ??= (
    await client.query<{ next: number }>({
      name: 'psh-ingest-record-next',
      text: 'SELECT coalesce(max(idx) + 1, 0) AS next FROM record_entries',
    })
  ).rows[0]?.next;
  const next = group.nextIndex;
  if (next === undefined) throw new Error('record: no next index');
  group.nextIndex = next + accepted.length;
  const lookups: Array<[string, number]> = [];
  const entries = accepted.map(({ item, payloadJson }, offset) => {
    const { detail, lookup } = submissionEntryDetail(submissionFacts(item, deviceId, place, receivedAt, payloadJson));
    if (lookup !== undefined) lookups.push([lookup, next + offset]);
    return entryBytes({ kind: 'submission.accepted', subject: item.id, detail }, receivedAt);
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
