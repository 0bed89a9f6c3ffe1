import type BetterSqlite3 from 'better-sqlite3';
import type { FeedbackPayload, ProposalPayload, SubmissionEnvelope } from '../../protocol/submission.js';
import { feedbackClock } from './feedbackClock.js';

export interface DeviceIngestState {
  readonly branchId: string;
  readonly lastIngestAt: string | null;
}

/**
 * The feedback rows of the ingest transaction: prepared once per connection,
 * run inside the batch's synchronous transaction, so a feedback exists in the
 * inbox exactly when its submission was acknowledged.
 */
export function createFeedbackIngest(sqlite: BetterSqlite3.Database) {
  const device = sqlite.prepare<[string], { branch_id: string; last_ingest_at: string | null }>(
    'SELECT branch_id, last_ingest_at FROM devices WHERE id = ?',
  );
  // Feedback and proposals share the tracking-code space: one code, one thing to follow.
  const codeTaken = sqlite
    .prepare<[string, string], number>('SELECT 1 FROM feedback WHERE code = ? UNION ALL SELECT 1 FROM proposals WHERE code = ?')
    .pluck();
  const insertProposal = sqlite.prepare(
    `INSERT INTO proposals (code, device_id, submission_id, branch_id, title, description, language, has_voice, contact_sealed, notify, received_at, status)
     VALUES (@code, @deviceId, @submissionId, @branchId, @title, @description, @language, @hasVoice, @contactSealed, @notify, @receivedAt, 'pending')`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO feedback (code, source, device_id, submission_id, branch_id, service_id, kind, message, language, has_voice, contact_sealed,
       consent_to_contact, notify, claimed_at, clock_start_at, received_at, offline_delay_sec, due_at, current_due_at, status, updated_at)
     VALUES (@code, 'kiosk', @deviceId, @submissionId, @branchId, @serviceId, @kind, @message, @language, @hasVoice, @contactSealed,
       @consent, @notify, @claimedAt, @clockStartAt, @receivedAt, @offlineDelaySec, @dueAt, @dueAt, 'received', @receivedAt)`,
  );

  return {
    /** Read once per batch, before this batch moves last_ingest_at. */
    deviceState(deviceId: string): DeviceIngestState {
      const row = device.get(deviceId);
      return { branchId: row?.branch_id ?? 'unknown', lastIngestAt: row?.last_ingest_at ?? null };
    },
    /** A tracking code already given to another feedback (35 random bits: rare, but never merged). */
    codeTaken: (code: string): boolean => codeTaken.get(code, code) !== undefined,
    /** A proposal into the moderation queue, in the same transaction as its submission. */
    recordProposal(
      deviceId: string,
      state: DeviceIngestState,
      item: SubmissionEnvelope & { payload: ProposalPayload },
      receivedAt: string,
    ): void {
      insertProposal.run({
        code: item.payload.trackingCode,
        deviceId,
        submissionId: item.id,
        branchId: state.branchId,
        title: item.payload.title,
        description: item.payload.description ?? null,
        language: item.payload.language,
        hasVoice: item.attachments.some((file) => file.contentType === 'audio/wav') ? 1 : 0,
        contactSealed: item.personal?.contact ?? null,
        notify: wantsNotifications(item.payload, item) ? 1 : 0,
        receivedAt,
      });
    },
    record(deviceId: string, state: DeviceIngestState, item: SubmissionEnvelope & { payload: FeedbackPayload }, receivedAt: string): void {
      const clock = feedbackClock(item.createdAt, receivedAt, state.lastIngestAt);
      insert.run({
        code: item.payload.trackingCode,
        deviceId,
        submissionId: item.id,
        branchId: state.branchId,
        serviceId: item.payload.serviceId,
        kind: item.payload.kind,
        message: item.payload.message ?? null,
        language: item.payload.language,
        hasVoice: item.attachments.some((file) => file.contentType === 'audio/wav') ? 1 : 0,
        contactSealed: item.personal?.contact ?? null,
        consent: item.payload.consentToContact ? 1 : 0,
        notify: wantsNotifications(item.payload, item) ? 1 : 0,
        claimedAt: item.createdAt,
        receivedAt,
        ...clock,
      });
    },
  };
}

/** The citizen asked to be told, and left a contact to be told at: both, or no message is ever planned. */
export function wantsNotifications(payload: FeedbackPayload | ProposalPayload, item: SubmissionEnvelope): boolean {
  return payload.notifyMe === true && item.personal?.contact !== undefined;
}
