import type { TFunction } from 'i18next';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Answer, Question } from '../../../sync/protocol/survey.js';

export interface LabelledChoice {
  readonly id: string;
  readonly label: string;
}

/** The choices a question offers, with their labels in the visitor's language (none for scales, text and ranking). */
export function choicesOf(question: Question, language: Language, t: TFunction): LabelledChoice[] {
  if (question.type === 'yesno')
    return [
      { id: 'yes', label: t('survey.yes') },
      { id: 'no', label: t('survey.no') },
    ];
  if (question.type === 'single' || question.type === 'multiple')
    return question.choices.map((choice) => ({ id: choice.id, label: pickText(choice.label, language) }));
  return [];
}

/** How many choices the screen says it offers: listed ones, a scale's points, the five smileys. */
export function choiceCount(question: Question, listed: number): number | undefined {
  if (listed > 0) return listed;
  if (question.type === 'rating') return question.scale;
  return question.type === 'smiley' ? 5 : undefined;
}

/** A ranking's order: the visitor's, or the question's own until they move something. */
export function rankingOrderOf(question: Question & { type: 'ranking' }, answer: Answer | undefined): readonly string[] {
  return answer !== undefined && 'order' in answer ? answer.order : question.choices.map((choice) => choice.id);
}

/** A ranking's current order as said on arrival ("the order now: 1. …, 2. …"): what the visitor is changing. */
export function rankingOrder(question: Question, answer: Answer | undefined, language: Language, t: TFunction): string {
  if (question.type !== 'ranking') return '';
  const named = rankingOrderOf(question, answer).map((id, index) => {
    const choice = question.choices.find((candidate) => candidate.id === id);
    return `${String(index + 1)}. ${choice ? pickText(choice.label, language) : id}`;
  });
  return t('survey.currentOrder', { order: named.join(', ') });
}
