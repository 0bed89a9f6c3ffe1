import { isOpenHere, responseProblem, voiceAnswerFile } from '../../sync/protocol/surveyLogic.js';
import type { KioskCore } from '../core/kioskCore.js';
import type { LocalAttachment } from '../core/outbox/enqueue.js';
import type { KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

/** Survey responses: checked on the kiosk against the session's content version (and again by Central). */
export function createSurveyHandlers(core: KioskCore): Pick<KioskHandlerImpls, 'survey.submit'> {
  return {
    'survey.submit': ({ sessionId, surveyId, answers, recordings = {} }) => {
      const session = core.sessions.find(sessionId);
      if (!session) throw new KioskApiError('not-found', 'This visitor session has ended', 'sessionId');
      // The version the visitor started with, even if a newer pack arrived meanwhile.
      const survey = core.content.get(session.contentVersion)?.surveys.find((candidate) => candidate.id === surveyId);
      if (!survey) throw new KioskApiError('not-found', `No survey "${surveyId}" in this session's content`, 'surveyId');
      // Open when the visitor started; a survey closing mid-answer still takes this response.
      if (!isOpenHere(survey, core.config.branchId, 'kiosk', Date.parse(session.startedAt)))
        throw new KioskApiError('bad-request', 'This survey is not open here', 'surveyId');
      const problem = responseProblem(survey, answers);
      if (problem) throw new KioskApiError('bad-request', problem, 'answers');
      // Every voice answer has its recording, and every recording answers a question by voice.
      const voiced = Object.entries(answers)
        .filter(([, answer]) => 'voice' in answer)
        .map(([questionId]) => questionId);
      const missing = voiced.find((questionId) => recordings[questionId] === undefined);
      if (missing !== undefined)
        throw new KioskApiError('bad-request', `question "${missing}" is answered by voice but has no recording`, 'recordings');
      const attachments = Object.entries(recordings).map(([questionId, recordingId]): LocalAttachment => {
        if (!voiced.includes(questionId))
          throw new KioskApiError('bad-request', `question "${questionId}" is not answered by voice`, 'recordings');
        const recording = core.recorder.finishedFor(recordingId, sessionId);
        if (!recording)
          throw new KioskApiError(
            'not-found',
            `The voice answer to "${questionId}" is gone; record it again or type the answer`,
            'recordings',
          );
        return {
          name: voiceAnswerFile(questionId),
          path: recording.path,
          size: recording.size,
          sha256: recording.sha256,
          contentType: 'audio/wav' as const,
        };
      });
      const saved = core.enqueue({
        payload: { type: 'survey', surveyId, answers, language: session.language },
        sessionId,
        contentVersion: session.contentVersion,
        attachments,
      });
      for (const recordingId of Object.values(recordings)) core.recorder.handOver(recordingId);
      core.sync.nudge();
      return saved;
    },
  };
}
