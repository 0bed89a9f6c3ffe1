import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentPack } from '../../protocol/contentPack.js';
import { pickText } from '../../protocol/languages.js';
import type { Answer, Survey } from '../../protocol/survey.js';
import { isOpenHere, isShown, responseProblem, visibleQuestions, type Answers } from '../../protocol/surveyLogic.js';
import { fieldOf } from '../http/fields.js';
import { contentPackOfVersion, latestContentPack } from '../services/content.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { phoneHandler, type PhoneContext, type PhoneDeps } from './phoneContext.js';
import { submitButton } from './phoneForms.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { sendFromPhone } from './phoneSend.js';
import { answerText, moved, optionsOf, postedOrder, questionFields, readAnswer } from './surveyQuestionForm.js';
import { fill } from './phoneTexts.js';

/** The surveys open at this desk's branch for the web channel now. */
export const openSurveysAt = (pack: ContentPack | undefined, branchId: string): Survey[] =>
  pack?.surveys.filter((survey) => isOpenHere(survey, branchId, 'web')) ?? [];

/** Answers kept only where their question is still asked (an earlier answer changed may skip later ones). */
function asked(survey: Survey, answers: Answers): Record<string, Answer> {
  const kept: Record<string, Answer> = {};
  for (const question of survey.questions) {
    const answer = answers[question.id];
    if (answer && isShown(question, kept)) kept[question.id] = answer;
  }
  return kept;
}

/**
 * A survey on a phone, one question per page (GOV.UK's question pages): the
 * question is the heading, "Continue", a back link; skip rules and checks are
 * the survey engine's (sync/protocol/surveyLogic.ts); a ranking is ordered
 * with move up / move down buttons; then check your answers, each with
 * "Change", and the confirmation. Answered in the content version it started in.
 */
export function phoneSurveyRoutes(deps: PhoneDeps) {
  const { db } = deps;
  return (app: FastifyInstance): void => {
    const base = (context: PhoneContext, surveyId: string) => `${context.home}/surveys/${surveyId}`;

    /** The visitor's draft of this survey and its version's pack, or a redirect to start it. */
    async function draftOf(context: PhoneContext, request: FastifyRequest) {
      const surveyId = fieldOf(request.params, 'survey') ?? '';
      const draft = context.session.state.survey;
      if (draft?.id !== surveyId) return undefined;
      const pack = await contentPackOfVersion(db, draft.contentVersion);
      const survey = pack?.surveys.find((candidate) => candidate.id === surveyId);
      if (!pack || !survey || !isOpenHere(survey, context.desk.branchId, 'web')) return undefined;
      return { pack, survey, answers: draft.answers, draft };
    }

    app.get(
      '/D/:code/surveys',
      { config: PHONE_PAGE_LIMIT },
      phoneHandler(deps, async (context, _request, reply) => {
        const { t } = context;
        const surveys = openSurveysAt(await latestContentPack(db), context.desk.branchId);
        return sendPage(
          reply,
          context.page({
            title: t.m.survey.listTitle,
            back: context.home,
            body:
              surveys.length === 0
                ? html`<p>${t.m.survey.none}</p>`
                : html`<ul class="tiles">${surveys.map(
                    (survey) => html`<li><a class="tile" href="${base(context, survey.id)}">${pickText(survey.title, t.lang)}</a></li>`,
                  )}</ul>`,
          }),
        );
      }),
    );

    // The start: a draft in the newest version (kept if this survey's draft is already under way), then its first question.
    app.get(
      '/D/:code/surveys/:survey',
      { config: PHONE_PAGE_LIMIT },
      phoneHandler(deps, async (context, request, reply) => {
        const surveyId = fieldOf(request.params, 'survey') ?? '';
        const existing = await draftOf(context, request);
        if (existing) return reply.redirect(nextPage(context, existing.survey, existing.answers, -1), 303);
        const pack = await latestContentPack(db);
        const survey = openSurveysAt(pack, context.desk.branchId).find((candidate) => candidate.id === surveyId);
        if (!pack || !survey) return reply.redirect(`${context.home}/surveys`, 303);
        await context.save({ ...context.session.state, survey: { id: survey.id, contentVersion: pack.version, answers: {} } });
        const intro = survey.intro && pickText(survey.intro, context.t.lang);
        if (!intro) return reply.redirect(nextPage(context, survey, {}, -1), 303);
        return sendPage(
          reply,
          context.page({
            title: pickText(survey.title, context.t.lang),
            back: `${context.home}/surveys`,
            body: html`<p>${intro}</p><p><a class="button" href="${nextPage(context, survey, {}, -1)}">${context.t.p.continue}</a></p>`,
          }),
        );
      }),
    );

    /** After question `index` of the visible ones: the next visible question, or the check page. */
    function nextPage(context: PhoneContext, survey: Survey, answers: Answers, index: number): string {
      const next = visibleQuestions(survey, answers)[index + 1];
      return next ? `${base(context, survey.id)}/q/${next.id}` : `${base(context, survey.id)}/check`;
    }

    const questionPage = phoneHandler(deps, async (context, request, reply) => {
      const { t } = context;
      const found = await draftOf(context, request);
      if (!found) return reply.redirect(`${context.home}/surveys/${fieldOf(request.params, 'survey') ?? ''}`, 303);
      const { pack, survey, draft } = found;
      const visible = visibleQuestions(survey, found.answers);
      const index = visible.findIndex((question) => question.id === fieldOf(request.params, 'question'));
      const question = visible[index];
      if (!question) return reply.redirect(nextPage(context, survey, found.answers, -1), 303);
      const changing = fieldOf(request.query, 'change') === '1' || fieldOf(request.body, 'change') === '1';
      let answer = found.answers[question.id];
      let error: string | undefined;
      let status: string | undefined;
      if (request.method === 'POST') {
        const move = fieldOf(request.body, 'move');
        if (question.type === 'ranking' && move) {
          // A move re-shows the page with the new order (kept in the draft); Continue then takes it as the answer.
          const result = moved(postedOrder(question, request.body), move);
          answer = { order: result.order };
          await context.save({ ...context.session.state, survey: { ...draft, answers: { ...found.answers, [question.id]: answer } } });
          const name =
            result.order.length > 0 && result.id
              ? (question.choices.find((choice) => choice.id === result.id)?.label ?? { ka: result.id })
              : undefined;
          if (name && result.id)
            status = fill(t.m.survey.moved, {
              name: pickText(name, t.lang),
              position: result.order.indexOf(result.id) + 1,
              total: result.order.length,
            });
        } else {
          const read = readAnswer(question, request.body, t);
          if ('problem' in read) error = read.problem;
          else {
            const { [question.id]: _previous, ...others } = found.answers;
            const answers = asked(survey, read.answer ? { ...others, [question.id]: read.answer } : others);
            await context.save({ ...context.session.state, survey: { ...draft, answers } });
            // After a change, back to the check page (by way of any required question the change now asks).
            const target = changing
              ? (firstUnanswered(survey, answers) ?? `${base(context, survey.id)}/check`)
              : nextPage(context, survey, answers, visibleQuestions(survey, answers).indexOf(question));
            return reply.redirect(target, 303);
          }
        }
      }
      const previous = visible[index - 1];
      const action = `${base(context, survey.id)}/q/${question.id}`;
      return sendPage(
        reply,
        context.page({
          title: pickText(question.text, t.lang),
          listen: await context.listen([pickText(question.text, t.lang), ...optionsOf(question, t, pack).map((option) => option.label)]),
          back: changing
            ? `${base(context, survey.id)}/check`
            : previous
              ? `${base(context, survey.id)}/q/${previous.id}`
              : `${context.home}/surveys`,
          headingInBody: true,
          problems: error ? [{ field: 'answer', message: error }] : [],
          body: html`<p class="caption">${pickText(survey.title, t.lang)} · ${t.p.question(index + 1, visible.length)}</p>
${status ? html`<p class="notice" role="status">${status}</p>` : ''}
<form method="post" action="${action}" novalidate>${context.csrf}
${changing ? html`<input type="hidden" name="change" value="1">` : ''}
${questionFields(question, answer, t, pack, error)}
${submitButton(t.p.continue)}
</form>`,
        }),
        error ? 400 : 200,
      );

      function firstUnanswered(target: Survey, answers: Answers): string | undefined {
        const missing = visibleQuestions(target, answers).find((candidate) => candidate.required && !answers[candidate.id]);
        return missing && `${base(context, target.id)}/q/${missing.id}?change=1`;
      }
    });
    app.get('/D/:code/surveys/:survey/q/:question', { config: PHONE_PAGE_LIMIT }, questionPage);
    app.post('/D/:code/surveys/:survey/q/:question', { config: PHONE_POST_LIMIT }, questionPage);

    const checkPage = phoneHandler(deps, async (context, request, reply): Promise<FastifyReply> => {
      const { t } = context;
      const found = await draftOf(context, request);
      if (!found) return reply.redirect(`${context.home}/surveys`, 303);
      const { pack, survey, answers } = found;
      const problem = request.method === 'POST' ? responseProblem(survey, answers) : null;
      if (request.method === 'POST' && problem === null) {
        return sendFromPhone(
          deps,
          context,
          reply,
          { contentVersion: found.draft.contentVersion, payload: { type: 'survey', surveyId: survey.id, answers, language: t.lang } },
          { kind: 'survey' },
          (state) => ({ ...state, survey: undefined }),
        );
      }
      const visible = visibleQuestions(survey, answers);
      const missing = visible.find((question) => question.required && !answers[question.id]);
      return sendPage(
        reply,
        context.page({
          title: t.p.surveyAnswersTitle,
          back: visible.length > 0 ? `${base(context, survey.id)}/q/${visible[visible.length - 1]?.id ?? ''}` : context.home,
          problems:
            problem === null
              ? []
              : [missing ? { field: `q-${missing.id}`, message: t.m.survey.chooseFirst } : { field: 'send', message: problem }],
          body: html`<p class="caption">${pickText(survey.title, t.lang)}</p>
<dl class="summary">${visible.map(
            (
              question,
            ) => html`<div id="q-${question.id}"><dt>${pickText(question.text, t.lang)}</dt><dd>${answerText(question, answers[question.id], t, pack)}</dd>
<dd class="change"><a href="${base(context, survey.id)}/q/${question.id}?change=1">${t.m.survey.change}<span class="visually-hidden"> ${pickText(question.text, t.lang)}</span></a></dd></div>`,
          )}</dl>
<form method="post" action="${base(context, survey.id)}/check" id="send" novalidate>${context.csrf}${submitButton(t.m.survey.send)}</form>`,
        }),
        problem !== null ? 400 : 200,
      );
    });
    app.get('/D/:code/surveys/:survey/check', { config: PHONE_PAGE_LIMIT }, checkPage);
    app.post('/D/:code/surveys/:survey/check', { config: PHONE_POST_LIMIT }, checkPage);
  };
}
