import type { Database } from 'better-sqlite3';
import type { AttachmentRef, SubmissionEnvelope } from '../../../sync/protocol/submission.js';
import { PROTOCOL_VERSION } from '../../../sync/protocol/version.js';

/** The columns of `submissions` a wire envelope is built from. */
export interface StoredSubmissionRow {
  id: string;
  seq: number;
  payload_json: string;
  payload_sha256: string;
  created_at: string;
  content_version: number;
  confirmation_code: string;
}

/** Builds the wire envelope of a stored submission, with its attachment list, as it is (re)sent or exported. */
export function createEnvelopeOfRow(db: Database): (row: StoredSubmissionRow) => SubmissionEnvelope {
  const attachments = db.prepare<[string], { name: string; size: number; sha256: string; content_type: string }>(
    'SELECT name, size, sha256, content_type FROM attachments WHERE submission_id = ? ORDER BY name',
  );
  const sealed = db.prepare<[string], { field: 'contact' | 'personalNumber'; sealed: string }>(
    'SELECT field, sealed FROM sealed_personal WHERE submission_id = ?',
  );
  const receiptCode = db.prepare<[string], string>('SELECT code FROM receipt_codes WHERE submission_id = ?').pluck();
  return (row) => {
    const fields = sealed.all(row.id);
    const code = receiptCode.get(row.id);
    return {
      id: row.id,
      seq: row.seq,
      payloadSha256: row.payload_sha256,
      createdAt: row.created_at,
      schemaVersion: PROTOCOL_VERSION,
      contentVersion: row.content_version,
      confirmationCode: row.confirmation_code,
      payload: JSON.parse(row.payload_json) as SubmissionEnvelope['payload'],
      attachments: attachments
        .all(row.id)
        .map((a) => ({ name: a.name, size: a.size, sha256: a.sha256, contentType: a.content_type as AttachmentRef['contentType'] })),
      ...(fields.length === 0 ? {} : { personal: Object.fromEntries(fields.map((entry) => [entry.field, entry.sealed])) }),
      ...(code === undefined ? {} : { receiptCode: code }),
    };
  };
}
