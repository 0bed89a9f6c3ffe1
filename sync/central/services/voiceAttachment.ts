import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/**
 * The file of a submission's voice message, once it has fully arrived (tus
 * uploads come after the text, so a message can be known but not here yet).
 * Feedback, proposals and survey answers share it (a survey names the file of each question).
 */
export async function voiceMessagePath(
  db: Kysely<CentralDatabase>,
  uploadDir: string,
  deviceId: string,
  submissionId: string,
  name?: string,
): Promise<string | undefined> {
  let query = db
    .selectFrom('submission_attachments')
    .select('upload_id')
    .where('device_id', '=', deviceId)
    .where('submission_id', '=', submissionId)
    .where('content_type', '=', 'audio/wav')
    .where('received_at', 'is not', null);
  // A survey may carry several voice answers, one file per question.
  if (name !== undefined) query = query.where('name', '=', name);
  const file = await query.executeTakeFirst();
  const path = file?.upload_id ? join(uploadDir, file.upload_id) : undefined;
  return path && existsSync(path) ? path : undefined;
}
