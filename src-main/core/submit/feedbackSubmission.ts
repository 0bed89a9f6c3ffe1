import { checkContact, isNotifiable } from '../../../sync/protocol/contact.js';
import { feedbackProblem, typedText } from '../../../sync/protocol/messageLogic.js';
import type { FeedbackKind } from '../../../sync/protocol/submission.js';
import { newTrackingCode } from '../../../sync/protocol/trackingCode.js';
import type { SavedSubmission } from './submissionPath.js';
import { Refusal } from './refusal.js';
import { sealedContact } from './sealedContact.js';
import type { SubmissionPath } from './submissionPath.js';
import { voiceMessage } from './voiceMessage.js';

export interface FeedbackInput {
  readonly sessionId: string;
  readonly kind: FeedbackKind;
  readonly serviceId: string;
  readonly message?: string | undefined;
  readonly recordingId?: string | undefined;
  readonly contact?: string | undefined;
  readonly consentToContact: boolean;
  readonly notifyMe?: boolean | undefined;
}

/** Something queued that the visitor follows by its tracking code, on the public page at `statusUrl`. */
export interface SavedWithCode extends SavedSubmission {
  readonly trackingCode: string;
  readonly statusUrl: string;
}

/** Feedback PSH answers within 24 hours: a message typed and/or recorded, optional contact sealed at once, and a tracking code. */
export function submitFeedback(path: SubmissionPath, input: FeedbackInput): SavedWithCode {
  const { session, content } = path.open(input.sessionId);
  path.service(content, input.serviceId);
  const message = typedText(input.message);
  const voice = voiceMessage(path, session, input.recordingId, 'The voice message is gone; record it again or type the message');
  if (feedbackProblem({ message, hasVoice: voice.attachments.length > 0 }))
    throw new Refusal('bad-request', 'Write a message or record a voice message', 'message');
  if (input.notifyMe) notifiableContact(input.contact);
  const contact = sealedContact(path, input.contact);
  const trackingCode = newTrackingCode();
  const saved = path.queue(session, {
    payload: {
      type: 'feedback',
      trackingCode,
      kind: input.kind,
      serviceId: input.serviceId,
      deskId: path.config.desk.id,
      ...(message ? { message } : {}),
      language: session.language,
      consentToContact: contact !== undefined && input.consentToContact,
      ...(input.notifyMe && contact !== undefined ? { notifyMe: true } : {}),
    },
    ...voice,
    sealed: { contact },
  });
  return { ...saved, trackingCode, statusUrl: path.publicUrl(`/feedback/${trackingCode}`) };
}

/** "Tell me" needs somewhere to tell: an e-mail, or a Georgian mobile number (the protocol's rule, as Central and the phone pages run it). */
export function notifiableContact(typed: string | undefined): void {
  if (typed === undefined || typed.trim() === '')
    throw new Refusal('bad-request', 'To be told, leave a mobile number or an e-mail address', 'notifyMe');
  const checked = checkContact(typed);
  if (!('problem' in checked) && !isNotifiable(checked))
    throw new Refusal('bad-request', 'Messages go by SMS only to a Georgian mobile number, or by e-mail', 'notifyMe');
}
