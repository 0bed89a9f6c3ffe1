import type { TFunction } from 'i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Answer, Question } from '../../../sync/protocol/survey.js';

/** An answer as the visitor reads (and hears) it on the review screen. */
export function answerText(question: Question, answer: Answer | undefined, language: Language, content: ContentPack, t: TFunction): string {
  if (answer === undefined) return t('survey.notAnswered');
  const choiceLabel = (id: string) => {
    if (question.type === 'yesno') return id === 'yes' ? t('survey.yes') : t('survey.no');
    const choice = 'choices' in question ? question.choices.find((candidate) => candidate.id === id) : undefined;
    return choice ? pickText(choice.label, language) : id;
  };
  if ('choice' in answer) return choiceLabel(answer.choice);
  if ('choices' in answer) return answer.choices.map(choiceLabel).join(', ');
  if ('order' in answer) return answer.order.map((id, index) => `${index + 1}. ${choiceLabel(id)}`).join('; ');
  if ('voice' in answer) return answer.text ? `${t('survey.voiceAnswer')}. ${answer.text}` : t('survey.voiceAnswer');
  if ('text' in answer) return answer.text;
  if (question.type === 'smiley') {
    const label = content.rating.labels[answer.value - 1];
    return label ? pickText(label, language) : String(answer.value);
  }
  return question.type === 'rating' ? `${answer.value} / ${question.scale}` : String(answer.value);
}
