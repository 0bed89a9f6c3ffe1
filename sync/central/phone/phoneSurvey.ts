import type { FastifyInstance } from 'fastify';
import type { PhoneDeps } from './phoneContext.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { surveyCheckPage } from './survey/surveyCheckPage.js';
import { surveyListPage } from './survey/surveyListPage.js';
import { surveyQuestionPage } from './survey/surveyQuestionPage.js';
import { surveyStartPage } from './survey/surveyStartPage.js';

export { openSurveysAt } from './survey/surveyDraft.js';

/**
 * A survey on a phone, one page per file in survey/: the list, the start (an
 * intro if any), one question per page (a ranking ordered with move up / move
 * down buttons), then check your answers, each with "Change", and the
 * confirmation. Answered in the content version it started in.
 */
export function phoneSurveyRoutes(deps: PhoneDeps) {
  return (app: FastifyInstance): void => {
    app.get('/D/:code/surveys', { config: PHONE_PAGE_LIMIT }, surveyListPage(deps));
    app.get('/D/:code/surveys/:survey', { config: PHONE_PAGE_LIMIT }, surveyStartPage(deps));
    const question = surveyQuestionPage(deps);
    app.get('/D/:code/surveys/:survey/q/:question', { config: PHONE_PAGE_LIMIT }, question);
    app.post('/D/:code/surveys/:survey/q/:question', { config: PHONE_POST_LIMIT }, question);
    const check = surveyCheckPage(deps);
    app.get('/D/:code/surveys/:survey/check', { config: PHONE_PAGE_LIMIT }, check);
    app.post('/D/:code/surveys/:survey/check', { config: PHONE_POST_LIMIT }, check);
  };
}
