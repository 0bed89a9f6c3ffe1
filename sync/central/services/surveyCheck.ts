import type { SurveyPayload } from '../../protocol/submission.js';
import { responseProblem, voiceAnswerFile } from '../../protocol/surveyLogic.js';
import type { PackReader } from './contentPacks.js';

/**
 * Checks a survey response against the content version the visitor answered.
 * Answers the reason a response does not fit, for the rejected receipt, or null.
 */
export function createSurveyCheck(pack: PackReader) {
  return (payload: SurveyPayload, contentVersion: number, attachmentNames: readonly string[] = []): string | null => {
    const survey = pack(contentVersion)?.surveys.find((candidate) => candidate.id === payload.surveyId);
    if (!survey) return `survey "${payload.surveyId}" is not in content version ${contentVersion}`;
    // A voice answer is only an answer if its recording comes with it.
    const unheard = Object.entries(payload.answers).find(
      ([questionId, answer]) => 'voice' in answer && !attachmentNames.includes(voiceAnswerFile(questionId)),
    );
    if (unheard) return `question "${unheard[0]}" is answered by voice but declares no ${voiceAnswerFile(unheard[0])}`;
    return responseProblem(survey, payload.answers);
  };
}
