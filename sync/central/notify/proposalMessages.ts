import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from '../services/ledger.js';
import type { SealingKey } from '../services/sealingKey.js';
import type { NotificationContent } from './notificationTexts.js';

/** A decision is told once; a proposal decided longer ago than this (a Central back after weeks) is not told late. */
const LOOK_BACK_MS = 14 * 24 * 3_600_000;

/** "A decision was made on your proposal", once per proposal whose citizen asked, keyed by its code. */
export async function planProposalDecisions(db: Kysely<CentralDatabase>, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - LOOK_BACK_MS).toISOString();
  await sql`INSERT INTO notifications (id, kind, code, language, state, attempts, created_at, next_attempt_at)
    SELECT 'proposal-decided:' || code, 'proposal-decided', code, language, 'pending', 0, ${at}, ${at}
    FROM proposals WHERE notify = 1 AND status <> 'pending' AND decided_at >= ${since}
    ON CONFLICT (id) DO NOTHING`.execute(db);
}

/** What the decision message says, and to whom: the contact opened only here, to send. */
export async function proposalMessageOf(
  db: Kysely<CentralDatabase>,
  sealingKey: SealingKey,
  publicUrl: string,
  claim: { code: string; language: string },
): Promise<{ contact: string | undefined; messagesOn: boolean; content: NotificationContent }> {
  const row = await db
    .selectFrom('proposals')
    .select(['contact_sealed', 'notify', 'status', 'reason'])
    .where('code', '=', claim.code)
    .executeTakeFirst();
  return {
    contact: row?.contact_sealed ? sealingKey.open(row.contact_sealed) : undefined,
    messagesOn: row?.notify === 1,
    content: {
      kind: 'proposal-decided',
      code: claim.code,
      language: claim.language,
      link: `${publicUrl}/proposals/${claim.code}`,
      accepted: row?.status === 'accepted',
      answer: row?.status === 'rejected' ? (row.reason ?? undefined) : undefined,
    },
  };
}

/**
 * The decision was the only message a proposal's citizen asked for: once it
 * is sent the loop is closed, the contact deleted, and the public record says
 * a contact was deleted, never which.
 */
export async function closeProposalLoop(db: Kysely<CentralDatabase>, code: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .updateTable('proposals')
      .set({ contact_sealed: null, notify: 0 })
      .where('code', '=', code)
      .where('contact_sealed', 'is not', null)
      .executeTakeFirst();
    if (deleted.numUpdatedRows > 0n) await appendLedger(trx, 'proposal.contact-deleted', code, {});
  });
}
