import type { Answer } from '../../../sync/protocol/survey.js';
import { isOpenHere, responseProblem, voiceAnswerFile } from '../../../sync/protocol/surveyLogic.js';
import type { SavedSubmission } from './submissionPath.js';
import { Refusal } from './refusal.js';
import type { SubmissionPath } from './submissionPath.js';

export interface SurveyInput {
  readonly sessionId: string;
  readonly surveyId: string;
  readonly answers: Record<string, Answer>;
  /** The voice answers to free-text questions: question id -> recording id. */
  readonly recordings?: Record<string, string> | undefined;
}

/** One visitor's answers, checked against the survey of their session's content version (and again by Central). */
export function submitSurvey(path: SubmissionPath, input: SurveyInput): SavedSubmission {
  const { session, content } = path.open(input.sessionId);
  const { surveyId, answers, recordings = {} } = input;
  const survey = content.surveys.find((candidate) => candidate.id === surveyId);
  if (!survey) throw new Refusal('not-found', `No survey "${surveyId}" in this session's content`, 'surveyId');
  // Open when the visitor started; a survey closing mid-answer still takes this response.
  if (!isOpenHere(survey, path.config.branchId, 'kiosk', Date.parse(session.startedAt)))
    throw new Refusal('bad-request', 'This survey is not open here', 'surveyId');
  const problem = responseProblem(survey, answers);
  if (problem) throw new Refusal('bad-request', problem, 'answers');
  // Every voice answer has its recording, and every recording answers a question by voice.
  const voiced = Object.entries(answers)
    .filter(([, answer]) => 'voice' in answer)
    .map(([questionId]) => questionId);
  const missing = voiced.find((questionId) => recordings[questionId] === undefined);
  if (missing !== undefined)
    throw new Refusal('bad-request', `question "${missing}" is answered by voice but has no recording`, 'recordings');
  const attachments = Object.entries(recordings).map(([questionId, recordingId]) => {
    if (!voiced.includes(questionId)) throw new Refusal('bad-request', `question "${questionId}" is not answered by voice`, 'recordings');
    const gone = `The voice answer to "${questionId}" is gone; record it again or type the answer`;
    return path.recording(session, recordingId, voiceAnswerFile(questionId), 'recordings', gone);
  });
  return path.queue(session, {
    payload: { type: 'survey', surveyId, answers, language: session.language },
    attachments,
    recordingIds: Object.values(recordings),
  });
}
