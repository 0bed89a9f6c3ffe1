import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CentralDatabase, CitizenNotificationKind, NotificationKind } from '../db/schema.js';
import type { SealingKey } from '../services/sealingKey.js';
import { handleReply } from './citizenReplies.js';
import { createCitizenDelivery } from './citizenDelivery.js';
import { planAssignmentNotices, planDailyDigests, planDeadlineWarnings, planRatingAlertMessages } from './deadlinePlanner.js';
import { planProposalDecisions } from './proposalMessages.js';
import { expireContacts } from './closeLoop.js';
import type { ContactKeyOf } from './contactKey.js';
import { claimDue, markFailed, storeDeliveryReceipt, withoutContacts, type ClaimedNotification } from './notificationOutbox.js';
import { planNotifications } from './notificationPlanner.js';
import { createSmppTransport, type SmsTransport } from './smppTransport.js';
import { createSmtpTransport, type EmailTransport } from './smtpTransport.js';
import { createStaffDelivery } from './staffDelivery.js';
import type { NotifySettings } from './notifySettings.js';

const BATCH = 50;
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
        void storeDeliveryReceipt(db, id, state).catch((error: unknown) => log(`notify: receipt not stored: ${String(error)}`)),
      onReply: (from, text) =>
        void handleReply(db, contactKeyOf, from, text)
          .then((outcome) => {
            // Logged without the number or the text: a reply is personal data.
            if (outcome === 'unknown-sender' || outcome === 'not-understood') log(`notify: an SMS reply was not used (${outcome})`);
          })
          .catch((error: unknown) => log(`notify: an SMS reply failed: ${String(error)}`)),
    });

  const toCitizen = createCitizenDelivery({ db, sealingKey, settings, publicUrl, contactKeyOf, email, sms, worker });
  const toStaff = createStaffDelivery({ db, email, publicUrl, worker });

  const deliver = async (claim: ClaimedNotification): Promise<void> => {
    if (claim.staff === null && isCitizenKind(claim.kind)) return toCitizen({ ...claim, kind: claim.kind });
    if (claim.staff !== null && !isCitizenKind(claim.kind)) return toStaff({ ...claim, staff: claim.staff, kind: claim.kind });
    return markFailed(db, { ...claim, worker }, 'a message with neither a citizen nor a staff member to go to');
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
