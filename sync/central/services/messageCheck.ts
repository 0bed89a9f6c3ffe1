import { feedbackProblem, proposalProblem, VOICE_MESSAGE_FILE } from '../../protocol/messageLogic.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';

/**
 * The protocol's field rules for feedback and proposals, as a rejected
 * receipt's reason (read by a technician in the kiosk's dead letters), or null.
 * The schema already bounds the lengths; these are the rules a schema cannot say.
 */
export function messageProblem(item: SubmissionEnvelope): string | null {
  const { payload } = item;
  if (payload.type === 'feedback') {
    const hasVoice = item.attachments.some((file) => file.name === VOICE_MESSAGE_FILE);
    return feedbackProblem({ message: payload.message, hasVoice }) ? 'feedback needs a typed message or a voice message' : null;
  }
  if (payload.type === 'proposal') return proposalProblem(payload) ? 'a proposal needs a title' : null;
  return null;
}
