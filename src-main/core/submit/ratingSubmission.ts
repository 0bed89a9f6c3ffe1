import { typedText } from '../../../sync/protocol/messageLogic.js';
import type { SavedSubmission } from './submissionPath.js';
import type { SubmissionPath } from './submissionPath.js';
import { voiceMessage } from './voiceMessage.js';

export interface RatingInput {
  readonly sessionId: string;
  readonly serviceId: string;
  readonly score: number;
  readonly comment?: string | undefined;
  readonly recordingId?: string | undefined;
}

/** A rating of this desk's service: the smiley, and a comment typed or recorded. */
export function submitRating(path: SubmissionPath, input: RatingInput): SavedSubmission {
  const { session, content } = path.open(input.sessionId);
  path.service(content, input.serviceId);
  const comment = typedText(input.comment);
  const voice = voiceMessage(path, session, input.recordingId, 'No finished voice message with this id in this session');
  return path.queue(session, {
    payload: {
      type: 'rating',
      serviceId: input.serviceId,
      deskId: path.config.desk.id,
      score: input.score,
      ...(comment ? { comment } : {}),
      language: session.language,
    },
    ...voice,
  });
}
