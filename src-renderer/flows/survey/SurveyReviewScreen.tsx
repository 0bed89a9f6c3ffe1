import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Answer, Question } from '../../../sync/protocol/survey.js';
import type { Utterance } from '../../audio/describeElement.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { SendOrChange } from '../../ui/SendOrChange.js';
import { answerText } from './answerText.js';

interface SurveyReviewScreenProps {
  readonly content: ContentPack;
  readonly questions: readonly Question[];
  readonly answers: Readonly<Record<string, Answer>>;
  readonly language: Language;
  readonly busy: boolean;
  readonly showError: boolean;
  readonly onSend: () => void;
  readonly onChange: () => void;
}

/** Every question asked and its answer, shown and read back, before anything is sent; free text is private. */
export function SurveyReviewScreen({ content, questions, answers, language, busy, showError, onSend, onChange }: SurveyReviewScreenProps) {
  const { t } = useTranslation();
  const rows = questions.map((question) => ({ question, text: answerText(question, answers[question.id], language, content, t) }));
  const readBack: Utterance[] = rows.flatMap(({ question, text }) => [
    { text: `${pickText(question.text, language)}:` },
    { text, private: question.type === 'text' && answers[question.id] !== undefined },
  ]);
  return (
    <ScreenFrame title={t('survey.reviewTitle')} className="survey-review" hint={t('hints.surveyReview')} details={readBack}>
      <dl className="review-list review-stack">
        {rows.map(({ question, text }) => (
          <div key={question.id}>
            <dt>{pickText(question.text, language)}</dt>
            <dd className="review-message">{text}</dd>
          </div>
        ))}
      </dl>
      <SendOrChange
        sendLabel={t('survey.send')}
        changeLabel={t('survey.change')}
        error={showError ? t('errors.saveFailed') : null}
        busy={busy}
        onSend={onSend}
        onChange={onChange}
      />
    </ScreenFrame>
  );
}
