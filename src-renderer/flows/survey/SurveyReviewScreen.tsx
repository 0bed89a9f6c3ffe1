import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Answer, Question } from '../../../sync/protocol/survey.js';
import { ReviewFrame, type ReviewActions } from '../../ui/ReviewFrame.js';
import { answerText } from './answerText.js';

interface SurveyReviewScreenProps {
  readonly content: ContentPack;
  readonly questions: readonly Question[];
  readonly answers: Readonly<Record<string, Answer>>;
  readonly language: Language;
  readonly actions: ReviewActions;
}

/** Every question asked and its answer, shown and read back, before anything is sent; free text is private. */
export function SurveyReviewScreen({ content, questions, answers, language, actions }: SurveyReviewScreenProps) {
  const { t } = useTranslation();
  return (
    <ReviewFrame
      title={t('survey.reviewTitle')}
      className="survey-review"
      hint={t('hints.surveyReview')}
      stacked
      items={questions.map((question) => {
        const term = pickText(question.text, language);
        const text = answerText(question, answers[question.id], language, content, t);
        // Free text is private; a choice is the survey's own words.
        const isPrivate = question.type === 'text' && answers[question.id] !== undefined;
        return { term, shown: text, spoken: [{ text: `${term}:` }, { text, private: isPrivate }], className: 'review-message' };
      })}
      sendLabel={t('survey.send')}
      changeLabel={t('survey.change')}
      actions={actions}
    />
  );
}
