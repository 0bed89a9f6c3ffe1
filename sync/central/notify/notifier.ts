import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkContact } from '../../protocol/contact.js';
import type { CentralDatabase, CitizenNotificationKind, FeedbackStatus, NotificationKind, StaffNotificationKind } from '../db/schema.js';
import type { SealingKey } from '../services/sealingKey.js';
import { emailOf, smsText, type NotificationContent } from './notificationTexts.js';
import { handleReply } from './citizenReplies.js';
import { planAssignmentNotices, planDailyDigests, planDeadlineWarnings, planRatingAlertMessages } from './deadlinePlanner.js';
import { dailyDigestOf } from './dailyDigest.js';
import { closeProposalLoop, planProposalDecisions, proposalMessageOf } from './proposalMessages.js';
import { ratingAlertEmailOf, staffEmailOf } from './staffTexts.js';
import { expireContacts } from './closeLoop.js';
import type { ContactKeyOf } from './contactKey.js';
import {
  claimDue,
  markFailed,
  markSent,
  markStopped,
  postpone,
  recordDelivery,
  withoutContacts,
  type ClaimedNotification,
} from './notificationOutbox.js';
import { planNotifications } from './notificationPlanner.js';
import { smsAllowedFrom } from './quietHours.js';
import { createSmppTransport, type SmsTransport } from './smppTransport.js';
import { createSmtpTransport, type EmailTransport } from './smtpTransport.js';
import type { NotifySettings } from './notifySettings.js';

const BATCH = 50;
const OPEN: readonly FeedbackStatus[] = ['received', 'in-review', 'reopened'];
const isCitizenKind = (kind: NotificationKind): kind is CitizenNotificationKind =>
  kind.startsWith('feedback-') || kind === 'proposal-decided';
/** Messages in flight at once, one citizen's never more than one. */
const IN_FLIGHT = 8;

interface NotifierDeps {
  readonly db: Kysely<CentralDatabase>;
  readonly sealingKey: SealingKey;
  readonly settings: NotifySettings;
  /** Where citizens follow their feedback: `<publicUrl>/feedback/<code>`. */
  readonly publicUrl: string;
  /** The keyed hash a contact's replies are found by (contactKey.ts). */
  readonly contactKeyOf: ContactKeyOf;
  readonly log: (line: string) => void;
}

/**
 * Central's sender: every `intervalMs` it plans the messages citizens asked
 * for, claims those due, and sends each through its transport; a provider that
 * is down costs only a retry later, never a request. A tick never overlaps the
 * one before it, and `stop` waits for the tick in flight.
 */
export function startNotifier({ db, sealingKey, settings, publicUrl, contactKeyOf, log }: NotifierDeps) {
  const worker = randomUUID();
  const email: EmailTransport | undefined = settings.smtp && createSmtpTransport(settings.smtp.url, settings.smtp.from);
  const sms: SmsTransport | undefined =
    settings.smpp &&
    createSmppTransport({
      ...settings.smpp,
      onReceipt: (id, state) =>
        void recordDelivery(db, id, state).catch((error: unknown) => log(`notify: receipt not stored: ${String(error)}`)),
      onReply: (from, text) =>
        void handleReply(db, contactKeyOf, from, text)
          .then((outcome) => {
            // Logged without the number or the text: a reply is personal data.
            if (outcome === 'unknown-sender' || outcome === 'not-understood') log(`notify: an SMS reply was not used (${outcome})`);
          })
          .catch((error: unknown) => log(`notify: an SMS reply failed: ${String(error)}`)),
    });

  const contentOf = async (
    claim: ClaimedNotification & { kind: CitizenNotificationKind },
  ): Promise<{ contact: string | undefined; messagesOn: boolean; content: NotificationContent }> => {
    const row = await db.selectFrom('feedback').select(['contact_sealed', 'notify']).where('code', '=', claim.code).executeTakeFirst();
    const answer =
      claim.kind === 'feedback-answered'
        ? await db
            .selectFrom('feedback_responses')
            .select('text')
            .where('code', '=', claim.code)
            .orderBy('position', 'desc')
            .executeTakeFirst()
        : undefined;
    return {
      // Opened only here, to send, and held only for this message.
      contact: row?.contact_sealed ? sealingKey.open(row.contact_sealed) : undefined,
      messagesOn: row?.notify === 1,
      content: {
        kind: claim.kind,
        code: claim.code,
        language: claim.language,
        link: `${publicUrl}/feedback/${claim.code}`,
        answer: answer?.text,
      },
    };
  };

  /** What a staff message says, or undefined when it is no longer needed (the alert closed, the feedback answered). */
  const staffMessageOf = async (claim: ClaimedNotification & { kind: StaffNotificationKind }, branchId: string | null) => {
    if (claim.kind === 'daily-digest') return dailyDigestOf(db, branchId, claim.code, `${publicUrl}/console/feedback`);
    if (claim.kind === 'rating-alert') {
      const alert = await db.selectFrom('rating_alerts').selectAll().where('id', '=', claim.code).executeTakeFirst();
      return alert && !alert.closed_at ? ratingAlertEmailOf(alert, `${publicUrl}/console/alerts`) : undefined;
    }
    const row = await db.selectFrom('feedback').select(['status', 'current_due_at']).where('code', '=', claim.code).executeTakeFirst();
    return row && OPEN.includes(row.status)
      ? staffEmailOf(claim.kind, claim.code, row.current_due_at, `${publicUrl}/console/feedback/${claim.code}`)
      : undefined;
  };

  /** A deadline warning or a rating alert: to the staff member's e-mail, only while it still matters. */
  const deliverToStaff = async (claim: ClaimedNotification & { staff: string; kind: StaffNotificationKind }): Promise<void> => {
    const settle = { id: claim.id, worker, kind: claim.kind, code: claim.code };
    const member = await db
      .selectFrom('staff_users')
      .select(['email', 'disabled_at', 'branch_id'])
      .where('username', '=', claim.staff)
      .executeTakeFirst();
    const message = await staffMessageOf(claim, member?.branch_id ?? null);
    if (!message || !member?.email || member.disabled_at) return markStopped(db, settle);
    if (!email) return markFailed(db, { ...claim, worker }, 'no SMTP server configured');
    const sent = await email.send(member.email, { ...message, idempotencyKey: claim.id });
    return markSent(db, settle, { channel: 'email', providerRef: sent.providerRef, delivery: 'accepted' });
  };

  const deliver = async (claim: ClaimedNotification): Promise<void> => {
    if (claim.staff !== null || !isCitizenKind(claim.kind)) {
      if (claim.staff === null || isCitizenKind(claim.kind))
        return markFailed(db, { ...claim, worker }, 'a staff warning without its staff member');
      return deliverToStaff({ ...claim, staff: claim.staff, kind: claim.kind });
    }
    const settle = { id: claim.id, worker, kind: claim.kind, code: claim.code };
    const isProposal = claim.kind === 'proposal-decided';
    const { contact, messagesOn, content } = isProposal
      ? await proposalMessageOf(db, sealingKey, publicUrl, claim)
      : await contentOf({ ...claim, kind: claim.kind });
    // Stopped by the link on the status page (or the loop closed) after this message was planned.
    if (!messagesOn) return markStopped(db, settle);
    const checked = contact === undefined ? undefined : checkContact(contact);
    if (!checked || 'problem' in checked)
      return markFailed(db, { ...claim, attempts: Number.MAX_SAFE_INTEGER, worker }, 'no usable contact');
    // Replies find their feedback by this key; a contact that said STOP is never written to again.
    const key = contactKeyOf(checked.value);
    if (await db.selectFrom('notify_optouts').select('contact_key').where('contact_key', '=', key).executeTakeFirst())
      return markStopped(db, settle);
    if (!isProposal)
      await db.updateTable('feedback').set({ contact_key: key }).where('code', '=', claim.code).where('contact_key', 'is', null).execute();
    if (checked.kind === 'email') {
      if (!email) return markFailed(db, { ...claim, worker }, 'no SMTP server configured');
      const sent = await email.send(checked.value, { ...emailOf(content), idempotencyKey: claim.id });
      await markSent(db, settle, { channel: 'email', providerRef: sent.providerRef, delivery: 'accepted' });
    } else {
      if (!sms) return markFailed(db, { ...claim, worker }, 'no SMS centre configured');
      const now = settings.now?.() ?? new Date();
      const allowed = smsAllowedFrom(now);
      if (allowed.getTime() > now.getTime()) return postpone(db, settle, allowed);
      const sent = await sms.send(checked.value, smsText(content));
      await markSent(db, settle, { channel: 'sms', providerRef: sent.providerRef });
    }
    // A proposal's one message is its decision: sent, its contact has served.
    if (isProposal) await closeProposalLoop(db, claim.code);
  };

  const tick = async (): Promise<void> => {
    await planNotifications(db, settings.followUpAfterDays * 24 * 3_600_000);
    await planProposalDecisions(db);
    await planAssignmentNotices(db);
    await planDeadlineWarnings(db, settings.staff);
    await planRatingAlertMessages(db);
    await planDailyDigests(db, settings.staff, settings.now?.() ?? new Date());
    await expireContacts(db);
    const claims = await claimDue(db, worker, BATCH);
    const sendOne = (claim: ClaimedNotification) =>
      deliver(claim).catch(async (error: unknown) => {
        const reason = withoutContacts(error instanceof Error ? error.message : String(error));
        log(`notify: ${claim.id} not sent (attempt ${String(claim.attempts)}): ${reason}`);
        await markFailed(db, { ...claim, worker }, reason);
      });
    // A citizen's messages in their order ("received" before "answered"); different citizens' side by side, a few
    // at a time, as an SMS centre's window allows (its round trips, not ours, set the pace).
    const byCode = new Map<string, ClaimedNotification[]>();
    for (const claim of claims) byCode.set(claim.code, [...(byCode.get(claim.code) ?? []), claim]);
    const lanes = [...byCode.values()];
    const lane = async () => {
      for (let next = lanes.shift(); next; next = lanes.shift()) for (const claim of next) await sendOne(claim);
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  };

  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= tick()
      .catch((error: unknown) => log(`notify: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
      });
  }, settings.intervalMs);
  timer.unref();

  return {
    /** One round now (tests, and a staff answer that wants its message out at once). */
    tick: (): Promise<void> => (running ??= tick().finally(() => (running = undefined))),
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
      email?.close();
      sms?.close();
    },
  };
}

export type Notifier = ReturnType<typeof startNotifier>;
