import { VOICE_MESSAGE_FILE } from '../../../sync/protocol/messageLogic.js';
import type { LocalAttachment } from '../outbox/enqueue.js';
import type { VisitorSession } from '../session/sessions.js';
import type { SubmissionPath } from './submissionPath.js';

/** The optional voice message of a rating, feedback or proposal, as its attachment and the recording it takes over. */
export function voiceMessage(
  path: SubmissionPath,
  session: VisitorSession,
  recordingId: string | undefined,
  gone: string,
): { readonly attachments: LocalAttachment[]; readonly recordingIds: string[] } {
  if (recordingId === undefined) return { attachments: [], recordingIds: [] };
  return { attachments: [path.recording(session, recordingId, VOICE_MESSAGE_FILE, 'recordingId', gone)], recordingIds: [recordingId] };
}
