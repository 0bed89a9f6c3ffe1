import { pickText } from '../../../protocol/languages.js';
import { fieldOf } from '../../http/fields.js';
import { latestContentPack } from '../../services/content.js';
import { html } from '../../web/html.js';
import { sendPage } from '../../web/layout.js';
import { phoneHandler, type PhoneDeps } from '../phoneContext.js';
import { nextSurveyPage, openSurveysAt, surveyDraftOf } from './surveyDraft.js';

/** The start: a draft in the newest version (kept if this survey's draft is already under way), its intro if any, then its first question. */
export const surveyStartPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, request, reply) => {
    const surveyId = fieldOf(request.params, 'survey') ?? '';
    const existing = await surveyDraftOf(deps, context, request);
    if (existing) return reply.redirect(nextSurveyPage(context, existing.survey, existing.answers, -1), 303);
    const pack = await latestContentPack(deps.db);
    const survey = openSurveysAt(pack, context.desk.branchId).find((candidate) => candidate.id === surveyId);
    if (!pack || !survey) return reply.redirect(`${context.home}/surveys`, 303);
    await context.save({ ...context.session.state, survey: { id: survey.id, contentVersion: pack.version, answers: {} } });
    const intro = survey.intro && pickText(survey.intro, context.t.lang);
    const first = nextSurveyPage(context, survey, {}, -1);
    if (!intro) return reply.redirect(first, 303);
    return sendPage(
      reply,
      context.page({
        title: pickText(survey.title, context.t.lang),
        back: `${context.home}/surveys`,
        body: html`<p>${intro}</p><p><a class="button" href="${first}">${context.t.p.continue}</a></p>`,
      }),
    );
  });
