import type { Kysely } from 'kysely';
import { canonicalJson } from '../../protocol/canonicalJson.js';
import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from './ledger.js';
import { sha256Hex } from './secrets.js';

/**
 * Stores one batch from one device in ONE transaction and returns a receipt
 * per item. Insert-or-ignore by (device, id): a resend is `duplicate`, the same
 * id with other content is `conflict`. The caller answers only after this
 * resolves, i.e. after the commit.
 */
export async function ingestBatch(
  db: Kysely<CentralDatabase>,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
): Promise<Receipt[]> {
  return db.transaction().execute(async (trx) => {
    const receivedAt = new Date().toISOString();
    const receipts: Receipt[] = [];
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
      const existing = await trx
        .selectFrom('submissions')
        .select('payload_sha256')
        .where('device_id', '=', deviceId)
        .where('id', '=', item.id)
        .executeTakeFirst();
      if (existing) {
        receipts.push(existing.payload_sha256 === item.payloadSha256 ? receipt('duplicate') : receipt('conflict', 'same id, different content'));
        continue;
      }
      await trx
        .insertInto('submissions')
        .values({
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
        })
        .execute();
      for (const file of item.attachments) {
        await trx
          .insertInto('submission_attachments')
          .values({ device_id: deviceId, submission_id: item.id, name: file.name, size: file.size, sha256: file.sha256, content_type: file.contentType, upload_id: null, received_at: null })
          .execute();
      }
      await appendLedger(trx, 'submission.received', item.id, { deviceId, type: item.payload.type, seq: item.seq });
      receipts.push(receipt('accepted'));
    }
    return receipts;
  });
}
