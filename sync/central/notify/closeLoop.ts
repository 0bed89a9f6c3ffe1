import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { closeLoop } from '../services/citizenLoop.js';

/** A contact is kept at most this long after the last message sent to it, answered or not. */
export const CONTACT_KEPT_AFTER_LAST_MESSAGE_MS = 60 * 24 * 3_600_000;

/** Closes the loops whose last message went 60 days ago: each contact deleted, each deletion in the record. */
export async function expireContacts(db: Kysely<CentralDatabase>, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - CONTACT_KEPT_AFTER_LAST_MESSAGE_MS).toISOString();
  const stale = await db
    .selectFrom('feedback')
    .innerJoin('notifications', 'notifications.code', 'feedback.code')
    .select('feedback.code')
    .where('feedback.contact_key', 'is not', null)
    .where('notifications.state', '=', 'sent')
    .groupBy('feedback.code')
    .having((eb) => eb.fn.max('notifications.sent_at'), '<=', before)
    .execute();
  for (const { code } of stale) await db.transaction().execute((trx) => closeLoop(trx, code));
  return stale.length;
}
