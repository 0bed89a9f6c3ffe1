import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from './ledger.js';

export const sha256OfFile = (path: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });

export interface DeclaredAttachment {
  readonly deviceId: string;
  readonly submissionId: string;
  readonly name: string;
}

/** The attachment a submission declared, if this device sent that submission and the file is still awaited. */
export async function findDeclaredAttachment(db: Kysely<CentralDatabase>, declared: DeclaredAttachment) {
  return db
    .selectFrom('submission_attachments')
    .selectAll()
    .where('device_id', '=', declared.deviceId)
    .where('submission_id', '=', declared.submissionId)
    .where('name', '=', declared.name)
    .executeTakeFirst();
}

/**
 * Records an uploaded file whose sha256 matched the declaration, and completes
 * the submission when it was the last one awaited. Idempotent.
 */
export async function markAttachmentReceived(db: Kysely<CentralDatabase>, declared: DeclaredAttachment, uploadId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('submission_attachments')
      .set({ upload_id: uploadId, received_at: new Date().toISOString() })
      .where('device_id', '=', declared.deviceId)
      .where('submission_id', '=', declared.submissionId)
      .where('name', '=', declared.name)
      .where('received_at', 'is', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) return;
    await trx
      .updateTable('submissions')
      .set((eb) => ({ attachments_pending: eb('attachments_pending', '-', 1) }))
      .where('device_id', '=', declared.deviceId)
      .where('id', '=', declared.submissionId)
      .execute();
    await appendLedger(trx, 'attachment.received', declared.submissionId, { deviceId: declared.deviceId, name: declared.name });
  });
}
