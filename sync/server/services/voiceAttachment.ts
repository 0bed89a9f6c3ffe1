import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/**
 * The file of a submission's voice message, once it has fully arrived (tus
 * uploads come after the text, so a message can be known but not here yet).
 * Feedback and proposals share it: both keep their submission's device and id.
 */
export async function voiceMessagePath(db: Kysely<CentralDatabase>, uploadDir: string, deviceId: string, submissionId: string): Promise<string | undefined> {
  const file = await db
    .selectFrom('submission_attachments')
    .select('upload_id')
    .where('device_id', '=', deviceId)
    .where('submission_id', '=', submissionId)
    .where('content_type', '=', 'audio/wav')
    .where('received_at', 'is not', null)
    .executeTakeFirst();
  const path = file?.upload_id ? join(uploadDir, file.upload_id) : undefined;
  return path && existsSync(path) ? path : undefined;
}

export const VOICE_NOT_ARRIVED = { error: 'not-found', message: 'The voice message has not arrived yet (it uploads after the text)' } as const;
