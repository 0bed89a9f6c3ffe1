import type { FastifyReply } from 'fastify';
import { pickText } from '../../../protocol/languages.js';
import { responseProblem, visibleQuestions } from '../../../protocol/surveyLogic.js';
import { html } from '../../web/html.js';
import { sendPage } from '../../web/layout.js';
import { phoneHandler, type PhoneDeps } from '../phoneContext.js';
import { submitButton } from '../phoneForms.js';
import { sendFromPhone } from '../phoneSend.js';
import { answerText } from '../surveyQuestionForm.js';
import { surveyBase, surveyDraftOf } from './surveyDraft.js';

/** Check your answers, each with "Change"; sending checks the whole response with the survey engine, then sends it. */
export const surveyCheckPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, request, reply): Promise<FastifyReply> => {
    const { t } = context;
    const found = await surveyDraftOf(deps, context, request);
    if (!found) return reply.redirect(`${context.home}/surveys`, 303);
    const { pack, survey, answers } = found;
    const problem = request.method === 'POST' ? responseProblem(survey, answers) : null;
    if (request.method === 'POST' && problem === null)
      return sendFromPhone(
        deps,
        context,
        reply,
        { contentVersion: found.draft.contentVersion, payload: { type: 'survey', surveyId: survey.id, answers, language: t.lang } },
        { kind: 'survey' },
        (state) => ({ ...state, survey: undefined }),
      );
    const base = surveyBase(context, survey.id);
    const visible = visibleQuestions(survey, answers);
    const missing = visible.find((question) => question.required && !answers[question.id]);
    const rows = visible.map(
      (
        question,
      ) => html`<div id="q-${question.id}"><dt>${pickText(question.text, t.lang)}</dt><dd>${answerText(question, answers[question.id], t, pack)}</dd>
<dd class="change"><a href="${base}/q/${question.id}?change=1">${t.m.survey.change}<span class="visually-hidden"> ${pickText(question.text, t.lang)}</span></a></dd></div>`,
    );
    return sendPage(
      reply,
      context.page({
        title: t.p.surveyAnswersTitle,
        back: visible.length > 0 ? `${base}/q/${visible[visible.length - 1]?.id ?? ''}` : context.home,
        problems:
          problem === null
            ? []
            : [missing ? { field: `q-${missing.id}`, message: t.m.survey.chooseFirst } : { field: 'send', message: problem }],
        body: html`<p class="caption">${pickText(survey.title, t.lang)}</p>
<dl class="summary">${rows}</dl>
<form method="post" action="${base}/check" id="send" novalidate>${context.csrf}${submitButton(t.m.survey.send)}</form>`,
      }),
      problem !== null ? 400 : 200,
    );
  });
