import { useTranslation } from 'react-i18next';
import { pickText } from '../../../sync/protocol/languages.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { choiceCount, choicesOf, rankingOrder } from './questionChoices.js';
import { QuestionInput, type QuestionInputProps } from './QuestionInput.js';
import { questionHintKey } from './questionHint.js';

interface SurveyQuestionScreenProps extends Omit<QuestionInputProps, 'choices'> {
  readonly position: { readonly current: number; readonly total: number; readonly totalChanged?: boolean };
  readonly error: string | null;
  readonly onNext: () => void;
  readonly onSkip: () => void;
}

/** One question per screen, whatever its type; position is shown and spoken ("step 3 of 6"). */
export function SurveyQuestionScreen({ position, error, onNext, onSkip, ...input }: SurveyQuestionScreenProps) {
  const { t } = useTranslation();
  const { question, answer, language } = input;
  const choices = choicesOf(question, language, t);
  return (
    <ScreenFrame
      title={pickText(question.text, language)}
      className={`survey-question survey-${question.type}`}
      position={position}
      choices={choiceCount(question, choices.length)}
      hint={t(questionHintKey(question.type))}
      details={question.type === 'ranking' ? [{ text: rankingOrder(question, answer, language, t) }] : undefined}
    >
      <QuestionInput {...input} choices={choices} />
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="button-row">
        <BigButton huge onClick={onNext}>
          {t('survey.next')}
        </BigButton>
        {!question.required && (
          <BigButton variant="secondary" onClick={onSkip}>
            {t('survey.skip')}
          </BigButton>
        )}
      </div>
    </ScreenFrame>
  );
}
