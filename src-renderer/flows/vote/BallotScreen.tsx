import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../sync/protocol/ballot.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

interface BallotScreenProps {
  readonly ballot: Ballot;
  readonly language: Language;
  readonly choices: readonly string[];
  readonly error: string | null;
  readonly onChoices: (choices: string[]) => void;
  readonly onNext: () => void;
}

/** The initiatives, each with what it is and where it came from; one choice is a radio group, several are checkboxes. */
export function BallotScreen({ ballot, language, choices, error, onChoices, onNext }: BallotScreenProps) {
  const { t } = useTranslation();
  const single = ballot.maxChoices === 1;
  const toggle = (id: string) => {
    if (single) return onChoices([id]);
    onChoices(choices.includes(id) ? choices.filter((other) => other !== id) : [...choices, id]);
  };
  return (
    <ScreenFrame
      title={pickText(ballot.title, language)}
      className="ballot-screen"
      choices={ballot.initiatives.length}
      hint={t('hints.ballot')}
    >
      <p className="context">{t('vote.upTo', { count: ballot.maxChoices })}</p>
      <div className="initiatives" role={single ? 'radiogroup' : 'group'} aria-labelledby="screen-title">
        {ballot.initiatives.map((initiative) => {
          const on = choices.includes(initiative.id);
          return (
            <button
              type="button"
              role={single ? 'radio' : 'checkbox'}
              key={initiative.id}
              className="choice initiative"
              aria-checked={on}
              data-private-state=""
              aria-describedby={`initiative-${initiative.id}`}
              onClick={() => toggle(initiative.id)}
            >
              <span className="check-box" aria-hidden="true">
                {on ? '✓' : ''}
              </span>
              <span className="initiative-text">
                <span className="initiative-title">{pickText(initiative.title, language)}</span>
                <span className="initiative-about" id={`initiative-${initiative.id}`}>
                  {pickText(initiative.description, language)} · {t(`vote.origins.${initiative.origin}`)}
                </span>
              </span>
            </button>
          );
        })}
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="button-row">
        <BigButton huge onClick={onNext}>
          {t('vote.next')}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
