import type { TFunction } from 'i18next';
import { questionHintKey } from './questionHint.js';
import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Answer, Question } from '../../../sync/protocol/survey.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextEntry } from '../../ui/TextEntry.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { Smiley } from '../../ui/Smiley.js';
import { VoiceRecorder } from '../../ui/VoiceRecorder.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { RankingInput } from './RankingInput.js';

interface SurveyQuestionScreenProps {
  readonly content: ContentPack;
  readonly question: Question;
  readonly answer: Answer | undefined;
  readonly language: Language;
  readonly position: { readonly current: number; readonly total: number; readonly totalChanged?: boolean };
  readonly error: string | null;
  readonly onAnswer: (answer: Answer | null) => void;
  readonly onNext: () => void;
  readonly onSkip: () => void;
  /** The recorder for free-text questions: a voice answer instead of (or beside) typing. */
  readonly voice: { readonly sessionId: string; readonly limitSec: number; readonly voiceMessage: VoiceMessage | null };
  readonly onVoiceMessage: (voiceMessage: VoiceMessage | null) => void;
}

/** The choices a question offers, with their labels in the visitor's language. */
function choicesOf(question: Question, language: Language, yes: string, no: string): Array<{ id: string; label: string }> {
  if (question.type === 'yesno')
    return [
      { id: 'yes', label: yes },
      { id: 'no', label: no },
    ];
  if (question.type === 'single' || question.type === 'multiple')
    return question.choices.map((choice) => ({ id: choice.id, label: pickText(choice.label, language) }));
  return [];
}

/** One question per screen, whatever its type; position is shown and spoken ("step 3 of 6"). */
/** A ranking's current order as said on arrival ("the order now: 1. …, 2. …"): what the visitor is changing. */
function rankingOrder(question: Question, answer: Answer | undefined, language: Language, t: TFunction): string {
  if (question.type !== 'ranking') return '';
  const order = answer !== undefined && 'order' in answer ? answer.order : question.choices.map((choice) => choice.id);
  const named = order.map((id, index) => {
    const choice = question.choices.find((candidate) => candidate.id === id);
    return `${String(index + 1)}. ${choice ? pickText(choice.label, language) : id}`;
  });
  return t('survey.currentOrder', { order: named.join(', ') });
}

export function SurveyQuestionScreen({
  content,
  question,
  answer,
  language,
  position,
  error,
  onAnswer,
  onNext,
  onSkip,
  voice,
  onVoiceMessage,
}: SurveyQuestionScreenProps) {
  const { t } = useTranslation();
  const title = pickText(question.text, language);
  const choices = choicesOf(question, language, t('survey.yes'), t('survey.no'));
  const input = (() => {
    switch (question.type) {
      case 'single':
      case 'yesno':
        return (
          <div className="choice-list" role="radiogroup" aria-labelledby="screen-title">
            {choices.map((choice) => (
              <button
                type="button"
                role="radio"
                key={choice.id}
                className="choice"
                aria-checked={answer !== undefined && 'choice' in answer && answer.choice === choice.id}
                onClick={() => onAnswer({ choice: choice.id })}
              >
                {choice.label}
              </button>
            ))}
          </div>
        );
      case 'multiple': {
        const picked = answer !== undefined && 'choices' in answer ? answer.choices : [];
        const toggle = (id: string) => {
          const next = picked.includes(id) ? picked.filter((other) => other !== id) : [...picked, id];
          onAnswer(next.length === 0 ? null : { choices: next });
        };
        return (
          <>
            <p className="context">{t('survey.upTo', { count: question.max })}</p>
            <div className="choice-list" role="group" aria-labelledby="screen-title">
              {choices.map((choice) => (
                <button
                  type="button"
                  role="checkbox"
                  key={choice.id}
                  className="choice consent"
                  aria-checked={picked.includes(choice.id)}
                  onClick={() => toggle(choice.id)}
                >
                  <span className="check-box" aria-hidden="true">
                    {picked.includes(choice.id) ? '✓' : ''}
                  </span>
                  {choice.label}
                </button>
              ))}
            </div>
          </>
        );
      }
      case 'rating':
        return (
          <div className={`scale scale-${question.scale}`} role="radiogroup" aria-labelledby="screen-title">
            {Array.from({ length: question.scale }, (_, i) => i + 1).map((value) => (
              <button
                type="button"
                role="radio"
                key={value}
                className="choice scale-value"
                aria-checked={answer !== undefined && 'value' in answer && answer.value === value}
                onClick={() => onAnswer({ value })}
              >
                {value}
              </button>
            ))}
          </div>
        );
      case 'smiley':
        return (
          <div className="smileys" role="radiogroup" aria-labelledby="screen-title">
            {content.rating.labels.map((label, index) => (
              <button
                type="button"
                role="radio"
                key={index}
                className="smiley"
                aria-checked={answer !== undefined && 'value' in answer && answer.value === index + 1}
                onClick={() => onAnswer({ value: index + 1 })}
              >
                <Smiley score={index + 1} />
                {pickText(label, language)}
              </button>
            ))}
          </div>
        );
      case 'text': {
        const text = answer !== undefined && 'text' in answer ? (answer.text ?? '') : '';
        return (
          <div className="comment-layout">
            <div className="comment-typing">
              <TextEntry
                id="survey-text"
                label={t('survey.textLabel')}
                value={text}
                max={question.maxLength}
                onChange={(value) => onAnswer(value.trim() ? { text: value } : null)}
                multiline
                keyboard={{ language, label: t('survey.textLabel') }}
              />
            </div>
            <div className="comment-side">
              <VoiceRecorder
                sessionId={voice.sessionId}
                limitSec={voice.limitSec}
                voiceMessage={voice.voiceMessage}
                onChange={onVoiceMessage}
              />
            </div>
          </div>
        );
      }
      case 'ranking': {
        const order = answer !== undefined && 'order' in answer ? answer.order : question.choices.map((choice) => choice.id);
        return (
          <>
            <p className="context">{t('survey.rankHelp')}</p>
            <RankingInput choices={question.choices} order={order} language={language} onOrder={(next) => onAnswer({ order: next })} />
          </>
        );
      }
    }
  })();
  return (
    <ScreenFrame
      title={title}
      className={`survey-question survey-${question.type}`}
      position={position}
      choices={
        choices.length > 0 ? choices.length : question.type === 'rating' ? question.scale : question.type === 'smiley' ? 5 : undefined
      }
      hint={t(questionHintKey(question.type))}
      details={question.type === 'ranking' ? [{ text: rankingOrder(question, answer, language, t) }] : undefined}
    >
      {input}
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
