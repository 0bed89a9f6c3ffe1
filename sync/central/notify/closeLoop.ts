import type { Kysely, Transaction } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from '../services/ledger.js';

/**
 * The loop is closed (the citizen said it was resolved, or 60 days passed
 * after the last message): the contact is deleted, with its key, and no more
 * messages are planned. The public record notes that a contact was deleted,
 * never which.
 */
export async function closeLoop(trx: Transaction<CentralDatabase>, code: string): Promise<void> {
  const deleted = await trx
    .updateTable('feedback')
    .set({ contact_sealed: null, contact_key: null, notify: 0 })
    .where('code', '=', code)
    .where('contact_sealed', 'is not', null)
    .executeTakeFirst();
  if (deleted.numUpdatedRows > 0n) await appendLedger(trx, 'feedback.contact-deleted', code, {});
}

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
