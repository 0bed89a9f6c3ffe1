import type { Kysely } from 'kysely';
import type { CentralDatabase, StaffNotificationKind } from '../db/schema.js';
import { OPEN_STATUSES } from '../services/feedback.js';
import { dailyDigestOf } from './dailyDigest.js';
import { markFailed, markSent, markStopped, type ClaimedNotification } from './notificationOutbox.js';
import type { EmailTransport } from './smtpTransport.js';
import { ratingAlertEmailOf, staffEmailOf } from './staffTexts.js';

interface StaffDeliveryDeps {
  readonly db: Kysely<CentralDatabase>;
  readonly email: EmailTransport | undefined;
  /** Central's public address: console links in staff e-mails start with it. */
  readonly publicUrl: string;
  readonly worker: string;
}

/** Messages to staff: always by e-mail, to the address on their account, and only while they still matter. */
export function createStaffDelivery({ db, email, publicUrl, worker }: StaffDeliveryDeps) {
  /** What a staff message says, or undefined when it is no longer needed (the alert closed, the feedback answered). */
  const messageOf = async (claim: ClaimedNotification & { kind: StaffNotificationKind }, branchId: string | null) => {
    if (claim.kind === 'daily-digest') return dailyDigestOf(db, branchId, claim.code, `${publicUrl}/console/feedback`);
    if (claim.kind === 'rating-alert') {
      const alert = await db.selectFrom('rating_alerts').selectAll().where('id', '=', claim.code).executeTakeFirst();
      return alert && !alert.closed_at ? ratingAlertEmailOf(alert, `${publicUrl}/console/alerts`) : undefined;
    }
    const row = await db.selectFrom('feedback').select(['status', 'current_due_at']).where('code', '=', claim.code).executeTakeFirst();
    return row && OPEN_STATUSES.includes(row.status)
      ? staffEmailOf(claim.kind, claim.code, row.current_due_at, `${publicUrl}/console/feedback/${claim.code}`)
      : undefined;
  };

  return async (claim: ClaimedNotification & { staff: string; kind: StaffNotificationKind }): Promise<void> => {
    const settle = { id: claim.id, worker, kind: claim.kind, code: claim.code };
    const member = await db
      .selectFrom('staff_users')
      .select(['email', 'disabled_at', 'branch_id'])
      .where('username', '=', claim.staff)
      .executeTakeFirst();
    const message = await messageOf(claim, member?.branch_id ?? null);
    if (!message || !member?.email || member.disabled_at) return markStopped(db, settle);
    if (!email) return markFailed(db, { ...claim, worker }, 'no SMTP server configured');
    const sent = await email.send(member.email, { ...message, idempotencyKey: claim.id });
    return markSent(db, settle, { channel: 'email', providerRef: sent.providerRef, delivery: 'accepted' });
  };
}
