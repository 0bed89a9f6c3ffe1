import type pg from 'pg';
import type { BatchPlan } from '../ingestDecision.js';

/**
 * A decided batch written set-wise on PostgreSQL: each table gets one
 * statement for the whole batch (unnest of arrays, prepared once per
 * connection by name). What to write was decided in ingestDecision.ts.
 */

/** The submissions, their expected files, the ledger line and the device's progress. */
export async function storeSubmissions(client: pg.ClientBase, deviceId: string, plan: BatchPlan): Promise<void> {
  const rows = plan.submissions;
  const stored = await client.query({
    name: 'psh-ingest-submissions',
    text: `INSERT INTO submissions (device_id, id, seq, type, payload_json, payload_sha256, claimed_created_at, received_at, content_version, confirmation_code, attachments_pending)
      SELECT $1, id, seq, type, payload_json, payload_sha256, claimed_created_at, $2, content_version, confirmation_code, attachments_pending
      FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::bigint[])
        AS item(id, seq, type, payload_json, payload_sha256, claimed_created_at, content_version, confirmation_code, attachments_pending)
      ON CONFLICT (device_id, id) DO NOTHING`,
    values: [
      deviceId,
      plan.receivedAt,
      rows.map((row) => row.id),
      rows.map((row) => row.seq),
      rows.map((row) => row.type),
      rows.map((row) => row.payloadJson),
      rows.map((row) => row.payloadSha256),
      rows.map((row) => row.claimedAt),
      rows.map((row) => row.contentVersion),
      rows.map((row) => row.confirmationCode),
      rows.map((row) => row.attachmentsPending),
    ],
  });
  // Decided against what was held under the lock: another row here means two writers, and nothing may be acknowledged.
  if (stored.rowCount !== rows.length)
    throw new Error(`ingest: ${String(stored.rowCount)} of ${String(rows.length)} submissions stored; another writer?`);

  const files = plan.attachments;
  if (files.length > 0)
    await client.query({
      name: 'psh-ingest-attachments',
      text: `INSERT INTO submission_attachments (device_id, submission_id, name, size, sha256, content_type, upload_id, received_at)
        SELECT $1, submission_id, name, size, sha256, content_type, NULL, NULL
        FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS file(submission_id, name, size, sha256, content_type)`,
      values: [
        deviceId,
        files.map((file) => file.submissionId),
        files.map((file) => file.name),
        files.map((file) => file.size),
        files.map((file) => file.sha256),
        files.map((file) => file.contentType),
      ],
    });
  if (plan.progress)
    await client.query({
      name: 'psh-ingest-progress',
      text: `WITH ledger AS (INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES ($2, 'submissions.received', $1, $3))
        UPDATE devices SET last_ingest_at = $2, held_count = held_count + $4, max_seq = greatest(max_seq, $5) WHERE id = $1`,
      values: [deviceId, plan.receivedAt, plan.progress.ledgerJson, plan.progress.count, plan.progress.maxSeq],
    });
}

/** Votes with their decided "counted" flag, their choices, and the stored votes they displace. */
export async function storePlanVotes(client: pg.ClientBase, deviceId: string, plan: BatchPlan): Promise<void> {
  if (plan.uncount.length > 0)
    for (const table of ['votes', 'vote_choices'] as const)
      await client.query({
        name: `psh-ingest-uncount-${table}`,
        text: `UPDATE ${table} SET counted = 0 FROM unnest($1::text[], $2::text[]) AS displaced(device_id, submission_id)
          WHERE ${table}.device_id = displaced.device_id AND ${table}.submission_id = displaced.submission_id`,
        values: [plan.uncount.map(([device]) => device), plan.uncount.map(([, submission]) => submission)],
      });
  const votes = plan.votes;
  if (votes.length === 0) return;
  await client.query({
    name: 'psh-ingest-votes',
    text: `INSERT INTO votes (device_id, submission_id, ballot_id, voter_key, claimed_at, received_at, counted)
      SELECT $1, submission_id, ballot_id, voter_key, claimed_at, $2, counted
      FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[]) AS v(submission_id, ballot_id, voter_key, claimed_at, counted)`,
    values: [
      deviceId,
      plan.receivedAt,
      votes.map((row) => row.submissionId),
      votes.map((row) => row.ballotId),
      votes.map((row) => row.voterKey),
      votes.map((row) => row.claimedAt),
      votes.map((row) => row.counted),
    ],
  });
  const choices = votes.flatMap((row) => row.choices.map((choice) => ({ row, choice })));
  await client.query({
    name: 'psh-ingest-vote-choices',
    text: `INSERT INTO vote_choices (device_id, submission_id, ballot_id, initiative_id, counted)
      SELECT $1, submission_id, ballot_id, initiative_id, counted
      FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS c(submission_id, ballot_id, initiative_id, counted)`,
    values: [
      deviceId,
      choices.map(({ row }) => row.submissionId),
      choices.map(({ row }) => row.ballotId),
      choices.map(({ choice }) => choice),
      choices.map(({ row }) => row.counted),
    ],
  });
}

/** Feedback into the inbox and proposals into moderation, in the commit that acknowledges them. */
export async function storeMessages(client: pg.ClientBase, deviceId: string, plan: BatchPlan): Promise<void> {
  const feedback = plan.feedback;
  if (feedback.length > 0)
    await client.query({
      name: 'psh-ingest-feedback',
      text: `INSERT INTO feedback (code, source, device_id, submission_id, branch_id, service_id, kind, message, language, has_voice, contact_sealed,
          consent_to_contact, notify, claimed_at, clock_start_at, received_at, offline_delay_sec, due_at, current_due_at, status, updated_at)
        SELECT code, 'kiosk', $1, submission_id, branch_id, service_id, kind, message, language, has_voice, contact_sealed,
          consent, notify, claimed_at, clock_start_at, $2, offline_delay_sec, due_at, due_at, 'received', $2
        FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[], $12::bigint[], $13::text[], $14::text[], $15::bigint[], $16::text[], $17::bigint[])
          AS f(code, submission_id, branch_id, service_id, kind, message, language, has_voice, contact_sealed, consent, claimed_at, clock_start_at, offline_delay_sec, due_at, notify)`,
      values: [
        deviceId,
        plan.receivedAt,
        feedback.map((row) => row.code),
        feedback.map((row) => row.submissionId),
        feedback.map((row) => row.branchId),
        feedback.map((row) => row.serviceId),
        feedback.map((row) => row.kind),
        feedback.map((row) => row.message),
        feedback.map((row) => row.language),
        feedback.map((row) => row.hasVoice),
        feedback.map((row) => row.contactSealed),
        feedback.map((row) => row.consent),
        feedback.map((row) => row.claimedAt),
        feedback.map((row) => row.clockStartAt),
        feedback.map((row) => row.offlineDelaySec),
        feedback.map((row) => row.dueAt),
        feedback.map((row) => row.notify),
      ],
    });
  const proposals = plan.proposals;
  if (proposals.length > 0)
    await client.query({
      name: 'psh-ingest-proposals',
      text: `INSERT INTO proposals (code, device_id, submission_id, branch_id, title, description, language, has_voice, contact_sealed, notify, received_at, status)
        SELECT code, $1, submission_id, branch_id, title, description, language, has_voice, contact_sealed, notify, $2, 'pending'
        FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::integer[])
          AS p(code, submission_id, branch_id, title, description, language, has_voice, contact_sealed, notify)`,
      values: [
        deviceId,
        plan.receivedAt,
        proposals.map((row) => row.code),
        proposals.map((row) => row.submissionId),
        proposals.map((row) => row.branchId),
        proposals.map((row) => row.title),
        proposals.map((row) => row.description),
        proposals.map((row) => row.language),
        proposals.map((row) => row.hasVoice),
        proposals.map((row) => row.contactSealed),
        proposals.map((row) => row.notify),
      ],
    });
}
