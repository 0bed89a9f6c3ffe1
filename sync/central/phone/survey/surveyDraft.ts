import type { FastifyRequest } from 'fastify';
import type { ContentPack } from '../../../protocol/contentPack.js';
import type { Answer, Survey } from '../../../protocol/survey.js';
import { isOpenHere, isShown, visibleQuestions, type Answers } from '../../../protocol/surveyLogic.js';
import { fieldOf } from '../../http/fields.js';
import { contentPackOfVersion } from '../../services/content.js';
import type { PhoneContext, PhoneDeps } from '../phoneContext.js';

/** The surveys open at this desk's branch for the web channel now. */
export const openSurveysAt = (pack: ContentPack | undefined, branchId: string): Survey[] =>
  pack?.surveys.filter((survey) => isOpenHere(survey, branchId, 'web')) ?? [];

/** Where a survey's pages live on this desk's phone pages. */
export const surveyBase = (context: PhoneContext, surveyId: string) => `${context.home}/surveys/${surveyId}`;

/** Answers kept only where their question is still asked (an earlier answer changed may skip later ones). */
export function askedAnswers(survey: Survey, answers: Answers): Record<string, Answer> {
  const kept: Record<string, Answer> = {};
  for (const question of survey.questions) {
    const answer = answers[question.id];
    if (answer && isShown(question, kept)) kept[question.id] = answer;
  }
  return kept;
}

/** The visitor's draft of the survey in the path and its version's pack, or undefined (start it again). Answered in the version it started in. */
export async function surveyDraftOf(deps: PhoneDeps, context: PhoneContext, request: FastifyRequest) {
  const surveyId = fieldOf(request.params, 'survey') ?? '';
  const draft = context.session.state.survey;
  if (draft?.id !== surveyId) return undefined;
  const pack = await contentPackOfVersion(deps.db, draft.contentVersion);
  const survey = pack?.surveys.find((candidate) => candidate.id === surveyId);
  if (!pack || !survey || !isOpenHere(survey, context.desk.branchId, 'web')) return undefined;
  return { pack, survey, answers: draft.answers, draft };
}

export type SurveyDraft = NonNullable<Awaited<ReturnType<typeof surveyDraftOf>>>;

/** After question `index` of the visible ones: the next visible question, or the check page. */
export function nextSurveyPage(context: PhoneContext, survey: Survey, answers: Answers, index: number): string {
  const next = visibleQuestions(survey, answers)[index + 1];
  return next ? `${surveyBase(context, survey.id)}/q/${next.id}` : `${surveyBase(context, survey.id)}/check`;
}

/** After a change on the check page: a required question the change now asks, or undefined (back to the check page). */
export function firstUnansweredPage(context: PhoneContext, survey: Survey, answers: Answers): string | undefined {
  const missing = visibleQuestions(survey, answers).find((candidate) => candidate.required && !answers[candidate.id]);
  return missing && `${surveyBase(context, survey.id)}/q/${missing.id}?change=1`;
}
