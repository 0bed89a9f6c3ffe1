import { isOpenHere, responseProblem } from '../../sync/protocol/surveyLogic.js';
import type { KioskCore } from '../core/kioskCore.js';
import type { KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

/** Survey responses: checked on the kiosk against the session's content version (and again by Central). */
export function createSurveyHandlers(core: KioskCore): Pick<KioskHandlerImpls, 'survey.submit'> {
  return {
    'survey.submit': ({ sessionId, surveyId, answers }) => {
      const session = core.sessions.find(sessionId);
      if (!session) throw new KioskApiError('not-found', 'This visitor session has ended', 'sessionId');
      // The version the visitor started with, even if a newer pack arrived meanwhile.
      const survey = core.content.get(session.contentVersion)?.surveys.find((candidate) => candidate.id === surveyId);
      if (!survey) throw new KioskApiError('not-found', `No survey "${surveyId}" in this session's content`, 'surveyId');
      // Open when the visitor started; a survey closing mid-answer still takes this response.
      if (!isOpenHere(survey, core.config.branchId, 'kiosk', Date.parse(session.startedAt))) throw new KioskApiError('bad-request', 'This survey is not open here', 'surveyId');
      const problem = responseProblem(survey, answers);
      if (problem) throw new KioskApiError('bad-request', problem, 'answers');
      const saved = core.enqueue({
        payload: { type: 'survey', surveyId, answers, language: session.language },
        sessionId,
        contentVersion: session.contentVersion,
      });
      core.sync.nudge();
      return saved;
    },
  };
}
