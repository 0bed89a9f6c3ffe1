import type { FastifyReply } from 'fastify';
import { pickText } from '../../../protocol/languages.js';
import type { Answer, Question } from '../../../protocol/survey.js';
import { visibleQuestions } from '../../../protocol/surveyLogic.js';
import { fieldOf } from '../../http/fields.js';
import { html } from '../../web/html.js';
import { sendPage } from '../../web/layout.js';
import { phoneHandler, type PhoneContext, type PhoneDeps } from '../phoneContext.js';
import { submitButton } from '../phoneForms.js';
import { fill } from '../phoneTexts.js';
import { moved, optionsOf, postedOrder, questionFields, readAnswer } from '../surveyQuestionForm.js';
import { askedAnswers, firstUnansweredPage, nextSurveyPage, surveyBase, surveyDraftOf, type SurveyDraft } from './surveyDraft.js';

/** What the question page shows besides the question: the answer so far, a problem with it, what a move did. */
interface QuestionView {
  answer: Answer | undefined;
  error?: string;
  status?: string;
}

/** A ranking's move (up or down) re-shows the page with the new order, kept in the draft; Continue then takes it as the answer. */
async function moveRankingItem(context: PhoneContext, found: SurveyDraft, question: Question, body: unknown, move: string) {
  const { t } = context;
  const result = moved(postedOrder(question, body), move);
  const answer: Answer = { order: result.order };
  await context.save({ ...context.session.state, survey: { ...found.draft, answers: { ...found.answers, [question.id]: answer } } });
  const choice = question.type === 'ranking' && result.id ? question.choices.find((candidate) => candidate.id === result.id) : undefined;
  const name = result.order.length > 0 && result.id ? (choice?.label ?? { ka: result.id }) : undefined;
  const status =
    name && result.id
      ? fill(t.m.survey.moved, { name: pickText(name, t.lang), position: result.order.indexOf(result.id) + 1, total: result.order.length })
      : undefined;
  return { answer, ...(status === undefined ? {} : { status }) };
}

/** Saves an answer (answers to questions it now skips are dropped); answers where to go: the next question, or back to the check page. */
async function saveAnswer(context: PhoneContext, found: SurveyDraft, question: Question, answer: Answer | undefined, changing: boolean) {
  const { survey } = found;
  const { [question.id]: _previous, ...others } = found.answers;
  const answers = askedAnswers(survey, answer ? { ...others, [question.id]: answer } : others);
  await context.save({ ...context.session.state, survey: { ...found.draft, answers } });
  // After a change, back to the check page (by way of any required question the change now asks).
  return changing
    ? (firstUnansweredPage(context, survey, answers) ?? `${surveyBase(context, survey.id)}/check`)
    : nextSurveyPage(context, survey, answers, visibleQuestions(survey, answers).indexOf(question));
}

/** The question as the page's heading, its fields, Continue, and a back link to the previous question (or the check page when changing). */
async function renderQuestion(
  context: PhoneContext,
  reply: FastifyReply,
  found: SurveyDraft,
  place: { readonly visible: readonly Question[]; readonly index: number; readonly changing: boolean },
  view: QuestionView,
) {
  const { t } = context;
  const { pack, survey } = found;
  const { visible, index, changing } = place;
  const question = visible[index];
  if (!question) throw new Error('renderQuestion: no question at this index');
  const base = surveyBase(context, survey.id);
  const previous = visible[index - 1];
  return sendPage(
    reply,
    context.page({
      title: pickText(question.text, t.lang),
      listen: await context.listen([pickText(question.text, t.lang), ...optionsOf(question, t, pack).map((option) => option.label)]),
      back: changing ? `${base}/check` : previous ? `${base}/q/${previous.id}` : `${context.home}/surveys`,
      headingInBody: true,
      problems: view.error ? [{ field: 'answer', message: view.error }] : [],
      body: html`<p class="caption">${pickText(survey.title, t.lang)} · ${t.p.question(index + 1, visible.length)}</p>
${view.status ? html`<p class="notice" role="status">${view.status}</p>` : ''}
<form method="post" action="${base}/q/${question.id}" novalidate>${context.csrf}
${changing ? html`<input type="hidden" name="change" value="1">` : ''}
${questionFields(question, view.answer, t, pack, view.error)}
${submitButton(t.p.continue)}
</form>`,
    }),
    view.error ? 400 : 200,
  );
}

/**
 * One question per page (GOV.UK's question pages): GET shows it, POST takes
 * the answer (checked by the survey engine: sync/protocol/surveyLogic.ts) or
 * a ranking's move.
 */
export const surveyQuestionPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, request, reply) => {
    const found = await surveyDraftOf(deps, context, request);
    if (!found) return reply.redirect(`${context.home}/surveys/${fieldOf(request.params, 'survey') ?? ''}`, 303);
    const visible = visibleQuestions(found.survey, found.answers);
    const index = visible.findIndex((candidate) => candidate.id === fieldOf(request.params, 'question'));
    const question = visible[index];
    if (!question) return reply.redirect(nextSurveyPage(context, found.survey, found.answers, -1), 303);
    const changing = fieldOf(request.query, 'change') === '1' || fieldOf(request.body, 'change') === '1';
    let view: QuestionView = { answer: found.answers[question.id] };
    if (request.method === 'POST') {
      const move = fieldOf(request.body, 'move');
      if (question.type === 'ranking' && move) view = await moveRankingItem(context, found, question, request.body, move);
      else {
        const read = readAnswer(question, request.body, context.t);
        if ('problem' in read) view = { ...view, error: read.problem };
        else return reply.redirect(await saveAnswer(context, found, question, read.answer, changing), 303);
      }
    }
    return renderQuestion(context, reply, found, { visible, index, changing }, view);
  });
