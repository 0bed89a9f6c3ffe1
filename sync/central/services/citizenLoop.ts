import type { Kysely, Transaction } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { addNote, reopen } from './feedback.js';
import { appendLedger } from './ledger.js';

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

/** Where a citizen's messages stand, for their status page: still coming, and whether "was it resolved?" waits for an answer. */
export async function citizenLoopOf(db: Kysely<CentralDatabase>, code: string): Promise<{ messagesOn: boolean; askResolved: boolean }> {
  const row = await db.selectFrom('feedback').select(['notify', 'status', 'resolved']).where('code', '=', code).executeTakeFirst();
  if (!row) return { messagesOn: false, askResolved: false };
  const asked = await db
    .selectFrom('notifications')
    .select('id')
    .where('code', '=', code)
    .where('kind', '=', 'feedback-followup')
    .where('state', '=', 'sent')
    .executeTakeFirst();
  return { messagesOn: row.notify === 1, askResolved: asked !== undefined && row.status === 'answered' && row.resolved === null };
}

/**
 * The citizen's answer to "was it resolved?", by SMS reply or on the status
 * page: yes closes the loop (the contact deleted); no reopens the feedback
 * into the inbox, with what they said as a note. Both are in the public record,
 * with how they answered and never who.
 */
export async function answerResolved(
  db: Kysely<CentralDatabase>,
  code: string,
  answer: { resolved: boolean; via: 'sms' | 'web'; words?: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('feedback').select(['branch_id', 'service_id']).where('code', '=', code).executeTakeFirstOrThrow();
    await trx
      .updateTable('feedback')
      .set({ resolved: answer.resolved ? 'yes' : 'no' })
      .where('code', '=', code)
      .execute();
    // Branch and service, so the share resolved is counted from the public record by both.
    await appendLedger(trx, 'feedback.resolved', code, {
      resolved: answer.resolved,
      via: answer.via,
      branch: row.branch_id,
      service: row.service_id,
    });
    if (answer.resolved) await closeLoop(trx, code);
  });
  if (answer.resolved) return;
  // The note first: whoever sees it reopened (staff in the inbox, a test polling) sees why.
  const said = answer.words ? ` ("${answer.words.trim().slice(0, 160)}")` : '';
  const how = answer.via === 'sms' ? 'replied by SMS' : 'answered on the status page';
  await addNote(db, code, `The citizen ${how} that it was not resolved${said}.`, 'citizen');
  await reopen(db, code, answer.via);
}

/**
 * "Stop these messages", from the link every message carries: nothing more is
 * planned for this feedback, and once Central has written to its contact,
 * nothing more goes to that contact at all (as a STOP reply does). Answers
 * whether messages were on.
 */
export async function stopMessages(db: Kysely<CentralDatabase>, code: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('feedback').select(['notify', 'contact_key']).where('code', '=', code).executeTakeFirst();
    if (row?.notify !== 1) return false;
    await trx.updateTable('feedback').set({ notify: 0 }).where('code', '=', code).execute();
    if (row.contact_key) {
      await trx
        .insertInto('notify_optouts')
        .values({ contact_key: row.contact_key, opted_out_at: new Date().toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx.updateTable('feedback').set({ notify: 0 }).where('contact_key', '=', row.contact_key).execute();
    }
    return true;
  });
}
