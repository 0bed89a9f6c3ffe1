import type { Kysely } from 'kysely';
import { checkContact } from '../../protocol/contact.js';
import type { CentralDatabase, CitizenNotificationKind } from '../db/schema.js';
import type { SealingKey } from '../services/sealingKey.js';
import type { ContactKeyOf } from './contactKey.js';
import { emailOf, smsText, type NotificationContent } from './notificationTexts.js';
import { markFailed, markSent, markStopped, postpone, type ClaimedNotification } from './notificationOutbox.js';
import type { NotifySettings } from './notifySettings.js';
import { closeProposalLoop, proposalMessageOf } from './proposalMessages.js';
import { smsAllowedFrom } from './quietHours.js';
import type { SmsTransport } from './smppTransport.js';
import type { EmailTransport } from './smtpTransport.js';

interface CitizenDeliveryDeps {
  readonly db: Kysely<CentralDatabase>;
  readonly sealingKey: SealingKey;
  readonly settings: NotifySettings;
  readonly publicUrl: string;
  readonly contactKeyOf: ContactKeyOf;
  readonly email: EmailTransport | undefined;
  readonly sms: SmsTransport | undefined;
  readonly worker: string;
}

interface CitizenMessage {
  readonly contact: string | undefined;
  /** False once the citizen stopped messages (or the loop closed) after this one was planned. */
  readonly messagesOn: boolean;
  readonly content: NotificationContent;
}

/**
 * Messages to citizens: the contact opened from its sealed form only to send,
 * never to one that said STOP; SMS wait out Tbilisi's night; a proposal's one
 * message closes its loop.
 */
export function createCitizenDelivery({ db, sealingKey, settings, publicUrl, contactKeyOf, email, sms, worker }: CitizenDeliveryDeps) {
  const feedbackMessageOf = async (claim: ClaimedNotification & { kind: CitizenNotificationKind }): Promise<CitizenMessage> => {
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

  /** Sends by the contact's own channel; answers false when the SMS must wait for the morning (postponed). */
  const send = async (claim: ClaimedNotification, contact: { kind: 'email' | 'phone'; value: string }, content: NotificationContent) => {
    const settle = { id: claim.id, worker, kind: claim.kind, code: claim.code };
    if (contact.kind === 'email') {
      if (!email) return markFailed(db, { ...claim, worker }, 'no SMTP server configured').then(() => false);
      const sent = await email.send(contact.value, { ...emailOf(content), idempotencyKey: claim.id });
      return markSent(db, settle, { channel: 'email', providerRef: sent.providerRef, delivery: 'accepted' }).then(() => true);
    }
    if (!sms) return markFailed(db, { ...claim, worker }, 'no SMS centre configured').then(() => false);
    const now = settings.now?.() ?? new Date();
    const allowed = smsAllowedFrom(now);
    if (allowed.getTime() > now.getTime()) return postpone(db, settle, allowed).then(() => false);
    const sent = await sms.send(contact.value, smsText(content));
    return markSent(db, settle, { channel: 'sms', providerRef: sent.providerRef }).then(() => true);
  };

  return async (claim: ClaimedNotification & { kind: CitizenNotificationKind }): Promise<void> => {
    const settle = { id: claim.id, worker, kind: claim.kind, code: claim.code };
    const isProposal = claim.kind === 'proposal-decided';
    const { contact, messagesOn, content } = isProposal
      ? await proposalMessageOf(db, sealingKey, publicUrl, claim)
      : await feedbackMessageOf(claim);
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
    const sent = await send(claim, checked, content);
    // A proposal's one message is its decision: sent, its contact has served.
    if (sent && isProposal) await closeProposalLoop(db, claim.code);
  };
}
