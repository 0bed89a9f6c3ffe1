import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { answerResolved } from '../services/citizenLoop.js';
import type { ContactKeyOf } from './contactKey.js';

/** What a citizen's SMS did: stopped every message, answered "was it resolved?", or nothing we could use. */
export type ReplyOutcome = 'stopped' | 'resolved' | 'reopened' | 'unknown-sender' | 'not-understood';

const STOP_WORDS = new Set(['STOP', 'СТОП', 'სტოპ', 'DAYAN', 'ԿԱՆԳ']);

/**
 * A reply by SMS from the number Central wrote to. STOP (in any of the five
 * languages) ends every message to that number, now and later; "1" or "2"
 * answers the last "was it resolved?" sent to it: yes closes the loop and
 * deletes the contact; no reopens the feedback into the inbox with the reply as
 * a note. A number Central never wrote to changes nothing.
 */
export async function handleReply(
  db: Kysely<CentralDatabase>,
  contactKeyOf: ContactKeyOf,
  from: string,
  text: string,
): Promise<ReplyOutcome> {
  const key = contactKeyOf(from.startsWith('+') ? from : `+${from}`);
  const word = text.trim().toUpperCase();
  const known = await db.selectFrom('feedback').select('code').where('contact_key', '=', key).executeTakeFirst();
  if (STOP_WORDS.has(word)) {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('notify_optouts')
        .values({ contact_key: key, opted_out_at: new Date().toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx.updateTable('feedback').set({ notify: 0 }).where('contact_key', '=', key).execute();
    });
    return known ? 'stopped' : 'unknown-sender';
  }
  if (!known) return 'unknown-sender';
  if (word !== '1' && word !== '2') return 'not-understood';
  const asked = await db
    .selectFrom('feedback')
    .innerJoin('notifications', 'notifications.code', 'feedback.code')
    .select(['feedback.code', 'notifications.id'])
    .where('feedback.contact_key', '=', key)
    .where('notifications.kind', '=', 'feedback-followup')
    .where('notifications.state', '=', 'sent')
    .where((eb) => eb.or([eb('notifications.delivery', 'is', null), eb('notifications.delivery', '!=', 'replied')]))
    .orderBy('notifications.sent_at', 'desc')
    .executeTakeFirst();
  if (!asked) return 'not-understood';
  // Each question is answered once: a second "2" does not reopen twice.
  await db.updateTable('notifications').set({ delivery: 'replied' }).where('id', '=', asked.id).execute();
  await answerResolved(db, asked.code, { resolved: word === '1', via: 'sms', words: text });
  return word === '1' ? 'resolved' : 'reopened';
}
