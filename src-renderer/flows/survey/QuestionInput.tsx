import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Answer, Question } from '../../../sync/protocol/survey.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { Smiley } from '../../ui/Smiley.js';
import { TextEntry } from '../../ui/TextEntry.js';
import { RadioGroup } from '../../ui/RadioGroup.js';
import { TypingLayout } from '../../ui/TypingLayout.js';
import { VoiceRecorder } from '../../ui/VoiceRecorder.js';
import { rankingOrderOf, type LabelledChoice } from './questionChoices.js';
import { RankingInput } from './RankingInput.js';

export interface QuestionInputProps {
  readonly content: ContentPack;
  readonly question: Question;
  readonly choices: readonly LabelledChoice[];
  readonly answer: Answer | undefined;
  readonly language: Language;
  readonly onAnswer: (answer: Answer | null) => void;
  /** The recorder for free-text questions: a voice answer instead of (or beside) typing. */
  readonly voice: { readonly sessionId: string; readonly limitSec: number; readonly voiceMessage: VoiceMessage | null };
  readonly onVoiceMessage: (voiceMessage: VoiceMessage | null) => void;
}

/** Several of several, up to the question's maximum: checkboxes with a drawn check mark. */
function CheckboxChoices({ question, choices, answer, onAnswer }: QuestionInputProps & { question: Question & { type: 'multiple' } }) {
  const { t } = useTranslation();
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

/** A free answer: typed, or spoken into the voice recorder beside it. */
function FreeText({
  question,
  answer,
  language,
  onAnswer,
  voice,
  onVoiceMessage,
}: QuestionInputProps & { question: Question & { type: 'text' } }) {
  const { t } = useTranslation();
  const text = answer !== undefined && 'text' in answer ? (answer.text ?? '') : '';
  return (
    <TypingLayout
      entry={
        <TextEntry
          id="survey-text"
          label={t('survey.textLabel')}
          value={text}
          max={question.maxLength}
          onChange={(value) => onAnswer(value.trim() ? { text: value } : null)}
          multiline
          keyboard={{ language, label: t('survey.textLabel') }}
        />
      }
      side={
        <VoiceRecorder sessionId={voice.sessionId} limitSec={voice.limitSec} voiceMessage={voice.voiceMessage} onChange={onVoiceMessage} />
      }
    />
  );
}

const valueOf = (answer: Answer | undefined) => (answer !== undefined && 'value' in answer ? answer.value : undefined);

/** The answering part of a question's screen, by the question's type. */
export function QuestionInput(props: QuestionInputProps) {
  const { t } = useTranslation();
  const { content, question, choices, answer, language, onAnswer } = props;
  switch (question.type) {
    case 'single':
    case 'yesno':
      return (
        <RadioGroup
          className="choice-list"
          buttonClass="choice"
          options={choices.map((choice) => ({
            key: choice.id,
            checked: answer !== undefined && 'choice' in answer && answer.choice === choice.id,
            onChoose: () => onAnswer({ choice: choice.id }),
            content: choice.label,
          }))}
        />
      );
    case 'multiple':
      return <CheckboxChoices {...props} question={question} />;
    case 'rating':
      return (
        <RadioGroup
          className={`scale scale-${question.scale}`}
          buttonClass="choice scale-value"
          options={Array.from({ length: question.scale }, (_, i) => i + 1).map((value) => ({
            key: value,
            checked: valueOf(answer) === value,
            onChoose: () => onAnswer({ value }),
            content: value,
          }))}
        />
      );
    case 'smiley':
      return (
        <RadioGroup
          className="smileys"
          buttonClass="smiley"
          options={content.rating.labels.map((label, index) => ({
            key: index,
            checked: valueOf(answer) === index + 1,
            onChoose: () => onAnswer({ value: index + 1 }),
            content: (
              <>
                <Smiley score={index + 1} />
                {pickText(label, language)}
              </>
            ),
          }))}
        />
      );
    case 'text':
      return <FreeText {...props} question={question} />;
    case 'ranking':
      return (
        <>
          <p className="context">{t('survey.rankHelp')}</p>
          <RankingInput
            choices={question.choices}
            order={rankingOrderOf(question, answer)}
            language={language}
            onOrder={(next) => onAnswer({ order: next })}
          />
        </>
      );
  }
}
