import type { ContentPack } from '../../protocol/contentPack.js';
import { pickText } from '../../protocol/languages.js';
import { choiceIds, type Answer, type Question } from '../../protocol/survey.js';
import { answerProblem } from '../../protocol/surveyLogic.js';
import { fieldListOf, fieldOf } from '../http/fields.js';
import { html, type SafeHtml } from '../web/html.js';
import { checkboxes, radios, textArea, type Option } from './phoneForms.js';
import { fill, type PhoneTexts } from './phoneTexts.js';

/** The labels a question's answers can have, in the page's language: choices, yes/no, points, faces. */
export function optionsOf(question: Question, t: PhoneTexts, pack: ContentPack): Option[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return question.choices.map((choice) => ({ value: choice.id, label: pickText(choice.label, t.lang) }));
    case 'yesno':
      return [
        { value: 'yes', label: t.m.survey.yes },
        { value: 'no', label: t.m.survey.no },
      ];
    case 'rating':
      return Array.from({ length: question.scale }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }));
    case 'smiley':
      return pack.rating.labels.map((label, index) => ({ value: String(index + 1), label: pickText(label, t.lang) }));
    case 'text':
      return [];
  }
}

/** A ranking's order as posted (a permutation of its choices), or its choices' own order. */
export function postedOrder(question: Question, body: unknown): string[] {
  const known = choiceIds(question);
  const posted = (fieldOf(body, 'order') ?? '').split(',').filter(Boolean);
  const isPermutation = posted.length === known.length && known.every((id) => posted.includes(id));
  return isPermutation ? posted : known;
}

/** A ranking item moved one place up or down (a "move" button's value: "up:<id>" or "down:<id>"). */
export function moved(order: readonly string[], move: string): { readonly order: string[]; readonly id?: string } {
  const [direction, id] = move.split(':');
  const from = id === undefined ? -1 : order.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length || id === undefined) return { order: [...order] };
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return { order: next, id };
}

export type ReadAnswer = { readonly answer: Answer | undefined } | { readonly problem: string };

/** The answer a question page posted, checked with the survey engine's own rule; none when left empty. */
export function readAnswer(question: Question, body: unknown, t: PhoneTexts): ReadAnswer {
  const posted = fieldListOf(body, 'answer');
  let answer: Answer | undefined;
  switch (question.type) {
    case 'single':
    case 'yesno': {
      const choice = posted[0];
      answer = choice ? { choice } : undefined;
      break;
    }
    case 'multiple': {
      const choices = posted;
      answer = choices.length > 0 ? { choices } : undefined;
      break;
    }
    case 'rating':
    case 'smiley': {
      const value = Number(posted[0]);
      answer = Number.isInteger(value) && value > 0 ? { value } : undefined;
      break;
    }
    case 'text': {
      const text = posted[0]?.trim();
      answer = text ? { text } : undefined;
      break;
    }
    case 'ranking':
      answer = { order: postedOrder(question, body) };
      break;
  }
  if (!answer)
    return question.required ? { problem: question.type === 'text' ? t.p.writeAnswer : t.m.survey.chooseFirst } : { answer: undefined };
  const problem = answerProblem(question, answer);
  if (problem === null) return { answer };
  if (question.type === 'multiple' && 'choices' in answer) {
    if (answer.choices.length > question.max) return { problem: fill(t.m.survey.chooseAtMost, { count: question.max }) };
    if (answer.choices.length < question.min) return { problem: fill(t.m.survey.chooseAtLeast, { count: question.min }) };
  }
  if (question.type === 'text') return { problem: fill(t.m.feedback.limitReached, { max: question.maxLength }) };
  return { problem: t.m.survey.chooseFirst };
}

/** The answer as the check-your-answers page shows it. */
export function answerText(question: Question, answer: Answer | undefined, t: PhoneTexts, pack: ContentPack): string {
  if (!answer) return t.m.survey.notAnswered;
  const label = (id: string) => optionsOf(question, t, pack).find((option) => option.value === id)?.label ?? id;
  if ('choice' in answer) return label(answer.choice);
  if ('choices' in answer) return answer.choices.map(label).join(', ');
  if ('order' in answer) return answer.order.map((id, index) => `${index + 1}. ${label(id)}`).join('; ');
  if ('value' in answer) return question.type === 'rating' ? `${answer.value} / ${question.scale}` : label(String(answer.value));
  return answer.text ?? t.m.survey.voiceAnswer;
}

/** A ranking: the items in the current order, each with its move buttons; the order travels in a hidden field. */
function rankingFields(
  question: Question,
  order: readonly string[],
  t: PhoneTexts,
  pack: ContentPack,
  error: string | undefined,
): SafeHtml {
  const label = (id: string) => optionsOf(question, t, pack).find((option) => option.value === id)?.label ?? id;
  return html`<fieldset class="ranking${error ? ' has-error' : ''}" aria-describedby="answer-hint">
<legend class="question"><h1>${pickText(question.text, t.lang)}</h1></legend>
<p class="hint" id="answer-hint">${t.m.survey.rankHelp}</p>
<input type="hidden" name="order" value="${order.join(',')}">
<ol id="answer">${order.map(
    (id, index) => html`<li id="rank-${id}"><span class="item">${label(id)}</span>
<span class="moves"><button type="submit" class="secondary" name="move" value="up:${id}"${index === 0 ? html` disabled` : ''} aria-label="${fill(t.m.survey.moveUp, { name: label(id) })}">↑</button>
<button type="submit" class="secondary" name="move" value="down:${id}"${index === order.length - 1 ? html` disabled` : ''} aria-label="${fill(t.m.survey.moveDown, { name: label(id) })}">↓</button></span></li>`,
  )}</ol>
</fieldset>`;
}

/** The fields of one question page: the question is the legend (or label) and the page's heading. */
export function questionFields(
  question: Question,
  answer: Answer | undefined,
  t: PhoneTexts,
  pack: ContentPack,
  error: string | undefined,
): SafeHtml {
  const legend = pickText(question.text, t.lang) + (question.required ? '' : ` ${t.p.optional}`);
  const options = optionsOf(question, t, pack);
  switch (question.type) {
    case 'single':
    case 'yesno':
    case 'rating':
    case 'smiley': {
      const checked = answer && 'choice' in answer ? answer.choice : answer && 'value' in answer ? String(answer.value) : undefined;
      return radios({ name: 'answer', legend, options, checked, error, asHeading: true });
    }
    case 'multiple': {
      const hint = question.max < options.length ? fill(t.m.survey.upTo, { count: question.max }) : undefined;
      return checkboxes({
        name: 'answer',
        legend,
        options,
        checked: answer && 'choices' in answer ? answer.choices : [],
        error,
        hint,
        asHeading: true,
      });
    }
    case 'text':
      return textArea({
        name: 'answer',
        label: legend,
        value: answer && 'text' in answer ? answer.text : '',
        error,
        maxLength: question.maxLength,
        asHeading: true,
      });
    case 'ranking':
      return rankingFields(question, answer && 'order' in answer ? answer.order : choiceIds(question), t, pack, error);
  }
}
