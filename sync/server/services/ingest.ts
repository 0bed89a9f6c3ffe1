import type { Kysely } from 'kysely';
import { canonicalJson } from '../../protocol/canonicalJson.js';
import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import type { CentralDatabase } from '../db/schema.js';
import { recordNonce, ReplayedNonceError } from './requestVerification.js';
import { sha256Hex } from './secrets.js';

/**
 * Stores one batch from one device in ONE transaction and returns a receipt
 * per item. Insert-or-ignore by (device, id): a resend is `duplicate`, the same
 * id with other content is `conflict`. The caller answers only after this
 * resolves, i.e. after the commit. Set-based (one lookup, one insert per
 * table) because Central takes batches from a whole fleet at once.
 */
export async function ingestBatch(
  db: Kysely<CentralDatabase>,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  /** The request's nonce, recorded in this same commit (see requireDevice's deferNonce). */
  nonce?: string,
): Promise<Receipt[]> {
  return db.transaction().execute(async (trx) => {
    if (nonce !== undefined && !(await recordNonce(trx, deviceId, nonce))) throw new ReplayedNonceError('replayed nonce');
    const receivedAt = new Date().toISOString();
    const existing = new Map(
      (
        await trx
          .selectFrom('submissions')
          .select(['id', 'payload_sha256'])
          .where('device_id', '=', deviceId)
          .where('id', 'in', items.map((item) => item.id))
          .execute()
      ).map((row) => [row.id, row.payload_sha256]),
    );
    const receipts: Receipt[] = [];
    const accepted: Array<{ item: SubmissionEnvelope; payloadJson: string }> = [];
    const seen = new Set<string>();
    for (const item of items) {
      const receipt = (status: Receipt['status'], reason?: string): Receipt => ({ id: item.id, status, receivedAt, ...(reason ? { reason } : {}) });
      if (item.schemaVersion > PROTOCOL_VERSION) {
        receipts.push(receipt('rejected', `schema version ${item.schemaVersion} is newer than Central's ${PROTOCOL_VERSION}`));
        continue;
      }
      const payloadJson = canonicalJson(item.payload);
      if (sha256Hex(payloadJson) !== item.payloadSha256) {
        receipts.push(receipt('rejected', 'payloadSha256 does not match the payload'));
        continue;
      }
      const stored = existing.get(item.id) ?? (seen.has(item.id) ? item.payloadSha256 : undefined);
      if (stored !== undefined) {
        receipts.push(stored === item.payloadSha256 ? receipt('duplicate') : receipt('conflict', 'same id, different content'));
        continue;
      }
      seen.add(item.id);
      accepted.push({ item, payloadJson });
      receipts.push(receipt('accepted'));
    }
    if (accepted.length === 0) return receipts;

    await trx
      .insertInto('submissions')
      .values(
        accepted.map(({ item, payloadJson }) => ({
          device_id: deviceId,
          id: item.id,
          seq: item.seq,
          type: item.payload.type,
          payload_json: payloadJson,
          payload_sha256: item.payloadSha256,
          claimed_created_at: item.createdAt,
          received_at: receivedAt,
          content_version: item.contentVersion,
          confirmation_code: item.confirmationCode,
          attachments_pending: item.attachments.length,
        })),
      )
      .execute();
    const files = accepted.flatMap(({ item }) =>
      item.attachments.map((file) => ({
        device_id: deviceId,
        submission_id: item.id,
        name: file.name,
        size: file.size,
        sha256: file.sha256,
        content_type: file.contentType,
        upload_id: null,
        received_at: null,
      })),
    );
    if (files.length > 0) await trx.insertInto('submission_attachments').values(files).execute();
    // The public record: one ledger line per accepted submission, in the same commit.
    await trx
      .insertInto('ledger')
      .values(
        accepted.map(({ item }) => ({
          recorded_at: receivedAt,
          kind: 'submission.received',
          subject: item.id,
          detail_json: JSON.stringify({ deviceId, type: item.payload.type, seq: item.seq }),
        })),
      )
      .execute();
    return receipts;
  });
}
