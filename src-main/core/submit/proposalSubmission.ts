import { proposalProblem, typedText } from '../../../sync/protocol/messageLogic.js';
import { newTrackingCode } from '../../../sync/protocol/trackingCode.js';
import { notifiableContact, type SavedWithCode } from './feedbackSubmission.js';
import { Refusal } from './refusal.js';
import { sealedContact } from './sealedContact.js';
import type { SubmissionPath } from './submissionPath.js';
import { voiceMessage } from './voiceMessage.js';

export interface ProposalInput {
  readonly sessionId: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly recordingId?: string | undefined;
  readonly contact?: string | undefined;
  /** Tell the visitor the decision at `contact`: an e-mail or a Georgian mobile number. */
  readonly notifyMe?: boolean | undefined;
}

/** A citizen's proposal of a new service: a title, a description typed or recorded, optional contact; followed by its tracking code. */
export function submitProposal(path: SubmissionPath, input: ProposalInput): SavedWithCode {
  const { session } = path.open(input.sessionId);
  if (proposalProblem(input)) throw new Refusal('bad-request', 'Give the proposal a title', 'title');
  const title = input.title.trim();
  const description = typedText(input.description);
  const voice = voiceMessage(path, session, input.recordingId, 'The voice message is gone; record it again or type the description');
  if (input.notifyMe) notifiableContact(input.contact);
  const contact = sealedContact(path, input.contact);
  const trackingCode = newTrackingCode();
  const saved = path.queue(session, {
    payload: {
      type: 'proposal',
      trackingCode,
      title,
      ...(description ? { description } : {}),
      language: session.language,
      ...(input.notifyMe && contact !== undefined ? { notifyMe: true } : {}),
    },
    ...voice,
    sealed: { contact },
  });
  return { ...saved, trackingCode, statusUrl: path.publicUrl(`/proposals/${trackingCode}`) };
}
