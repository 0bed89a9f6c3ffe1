import type { Transaction } from 'kysely';
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
