import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import type { CentralDatabase, NotificationKind } from '../db/schema.js';
import { appendLedger } from '../services/ledger.js';

/** How long a claimed message is this process's to send; past it, a process that died holding it has let it go. */
export const CLAIM_LEASE_MS = 60_000;
/** After this many failed attempts a message stops being retried and counts as failed (the console shows it). */
export const MAX_ATTEMPTS = 10;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_CAP_MS = 30 * 60_000;

/** A citizen hears "received" before "answered" when both are due at once (an answer within the same second). */
const RECEIVED_FIRST = sql`CASE WHEN kind = 'feedback-received' THEN 0 ELSE 1 END`;

export interface ClaimedNotification {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly code: string;
  readonly language: string;
  readonly attempts: number;
  /** The staff member a deadline warning is for; null for a citizen's message. */
  readonly staff: string | null;
}

/**
 * Claims up to `limit` messages that are due, or whose claim lapsed, in one
 * statement: the row moves to `sending` under this process's name and a lease.
 * On PostgreSQL the candidates are locked with SKIP LOCKED, so two Centrals
 * claim disjoint messages and never wait on each other; on SQLite the single
 * writer gives the same.
 */
export async function claimDue(
  db: Kysely<CentralDatabase>,
  worker: string,
  limit: number,
  now = new Date(),
): Promise<ClaimedNotification[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const lock = isPostgres(db) ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const { rows } = await sql<ClaimedNotification>`UPDATE notifications
    SET state = 'sending', claimed_by = ${worker}, claimed_until = ${until}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM notifications
      WHERE (state = 'pending' AND next_attempt_at <= ${at}) OR (state = 'sending' AND claimed_until < ${at})
      ORDER BY next_attempt_at, ${RECEIVED_FIRST}, created_at LIMIT ${limit} ${lock})
    RETURNING id, kind, code, language, attempts, staff`.execute(db);
  // RETURNING gives no order: sent in the order claimed, "received" before what follows it.
  return rows
    .map((row) => ({ ...row, attempts: Number(row.attempts) }))
    .sort((a, b) => Number(b.kind === 'feedback-received') - Number(a.kind === 'feedback-received'));
}

/**
 * The provider took it: sent, under the provider's id for it. Only this process's claim is settled, and the
 * public record notes that a message of this kind went by this channel (never to whom) in the same transaction.
 */
export async function markSent(
  db: Kysely<CentralDatabase>,
  claim: { id: string; worker: string; kind: NotificationKind; code: string },
  sent: { channel: 'sms' | 'email'; providerRef: string; delivery?: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const settled = await trx
      .updateTable('notifications')
      .set({
        state: 'sent',
        channel: sent.channel,
        sent_at: new Date().toISOString(),
        provider_ref: sent.providerRef,
        delivery: sent.delivery ?? null,
        claimed_until: null,
        last_error: null,
      })
      .where('id', '=', claim.id)
      .where('claimed_by', '=', claim.worker)
      .executeTakeFirst();
    if (settled.numUpdatedRows > 0n) await appendLedger(trx, 'notification.sent', claim.code, { kind: claim.kind, channel: sent.channel });
  });
}

/** The contact replied STOP before this message went: it never will. */
export async function markStopped(db: Kysely<CentralDatabase>, claim: { id: string; worker: string }): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ state: 'stopped', claimed_until: null })
    .where('id', '=', claim.id)
    .where('claimed_by', '=', claim.worker)
    .execute();
}

/**
 * A provider's refusal as Central keeps it: an SMTP server quotes the address it refused ("550 <nino@…> unknown
 * user"), and a contact must never outlive its loop in a column nobody deletes. Addresses and numbers become "…".
 */
export const withoutContacts = (error: string): string =>
  error
    .replace(/[^\s<>"']+@[^\s<>"']+/g, '…')
    .replace(/\+?\d(?:[\s-]?\d){8,}/g, '…')
    .slice(0, 500);

/** Not sent this time: tried again after an exponential backoff with full jitter, or given up after MAX_ATTEMPTS. */
export async function markFailed(
  db: Kysely<CentralDatabase>,
  claim: ClaimedNotification & { worker: string },
  error: string,
): Promise<void> {
  const delay = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (claim.attempts - 1));
  await db
    .updateTable('notifications')
    .set({
      state: claim.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      next_attempt_at: new Date(Date.now() + delay).toISOString(),
      claimed_until: null,
      last_error: withoutContacts(error),
    })
    .where('id', '=', claim.id)
    .where('claimed_by', '=', claim.worker)
    .execute();
}

/** Not now, and not a failure (an SMS in quiet hours): back to pending until `at`, the attempt not counted. */
export async function postpone(db: Kysely<CentralDatabase>, claim: { id: string; worker: string }, at: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({ state: 'pending', next_attempt_at: at.toISOString(), claimed_until: null, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', claim.id)
    .where('claimed_by', '=', claim.worker)
    .execute();
}

/** A delivery receipt from the provider (SMPP deliver_sm): its state, on the message it names. */
export async function storeDeliveryReceipt(db: Kysely<CentralDatabase>, providerRef: string, state: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ delivery: state.slice(0, 16), delivered_at: new Date().toISOString() })
    .where('provider_ref', '=', providerRef)
    .execute();
}
