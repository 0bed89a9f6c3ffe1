import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { PHONE_SESSION_TTL_MS } from './phoneSessions.js';

/** Past its session's life, and this margin more, an unsent phone upload can no longer be sent. */
const MARGIN_MS = 10 * 60_000;

/**
 * Deletes voice messages that phones uploaded and never sent (the visitor
 * left, or recorded again): tus keeps each upload as `<id>` and `<id>.json`
 * in the uploads folder, the phone's marked with its session. One is deleted
 * only when no submission names it and no live session still holds it.
 * Kiosks' uploads (no session in their metadata) are never touched.
 */
export async function sweepUnsentVoice(db: Kysely<CentralDatabase>, uploadDir: string, now = Date.now()): Promise<number> {
  let deleted = 0;
  for (const name of await readdir(uploadDir)) {
    if (!name.endsWith('.json')) continue;
    const id = name.slice(0, -'.json'.length);
    let info: { metadata?: { session?: string }; creation_date?: string };
    try {
      info = JSON.parse(await readFile(join(uploadDir, name), 'utf8')) as typeof info;
    } catch {
      continue; // being written, or not tus's: not ours to judge
    }
    if (!info.metadata?.session || now - Date.parse(info.creation_date ?? '') < PHONE_SESSION_TTL_MS + MARGIN_MS) continue;
    const sent = await db.selectFrom('submission_attachments').select('upload_id').where('upload_id', '=', id).executeTakeFirst();
    const held = await db
      .selectFrom('web_sessions')
      .select('id_sha256')
      .where('state_json', 'like', `%"uploadId":"${id}"%`)
      .where('updated_at', '>', new Date(now - PHONE_SESSION_TTL_MS).toISOString())
      .executeTakeFirst();
    if (sent || held) continue;
    await rm(join(uploadDir, id), { force: true });
    await rm(join(uploadDir, name), { force: true });
    deleted += 1;
  }
  return deleted;
}
