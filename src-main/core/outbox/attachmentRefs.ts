import type { Database } from 'better-sqlite3';
import type { AttachmentRef } from '../../../sync/protocol/submission.js';

/** The attachment list of a submission, as the wire envelope declares it. */
export function createAttachmentRefs(db: Database): (submissionId: string) => AttachmentRef[] {
  const list = db.prepare<[string], { name: string; size: number; sha256: string; content_type: string }>(
    'SELECT name, size, sha256, content_type FROM attachments WHERE submission_id = ? ORDER BY name',
  );
  return (submissionId) =>
    list.all(submissionId).map((row) => ({ name: row.name, size: row.size, sha256: row.sha256, contentType: row.content_type as AttachmentRef['contentType'] }));
}
