import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../sync/protocol/languages.js';
import { LANGUAGE_NAMES } from '../../i18n/i18n.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { proposePosition } from './proposeSteps.js';

/** Proposal titles are short: they become an initiative's name. */
const MAX_TITLE = 120;

interface ProposeTitleScreenProps {
  readonly language: Language;
  readonly title: string;
  readonly showError: boolean;
  readonly onTitle: (title: string) => void;
  readonly onNext: () => void;
}

export function ProposeTitleScreen({ language, title, showError, onTitle, onNext }: ProposeTitleScreenProps) {
  const { t } = useTranslation();
  const [keyboard, setKeyboard] = useState<Language>(language);
  const alternative: Language = keyboard === 'en' ? language : 'en';
  const set = (text: string) => onTitle(Array.from(text).slice(0, MAX_TITLE).join(''));
  return (
    <ScreenFrame
      title={t('propose.titleTitle')}
      className="comment-screen"
      position={proposePosition('proposeTitle')}
      hint={t('hints.proposeTitle')}
    >
      <div className="comment-layout">
        <div className="comment-typing">
          <label className="comment-label" htmlFor="proposal-title">
            {t('propose.titleLabel')}
          </label>
          <input
            id="proposal-title"
            className="text-field"
            value={title}
            maxLength={MAX_TITLE}
            aria-invalid={showError || undefined}
            aria-describedby={showError ? 'title-error' : undefined}
            onChange={(event) => set(event.target.value)}
          />
          {showError && <ErrorMessage id="title-error">{t('propose.titleRequired')}</ErrorMessage>}
          <OnScreenKeyboard
            language={keyboard}
            label={t('propose.titleLabel')}
            onKey={(key) => set(title + key)}
            onBackspace={() => set(Array.from(title).slice(0, -1).join(''))}
          />
        </div>
        <div className="button-column">
          <BigButton onClick={onNext}>{t('vote.next')}</BigButton>
          {alternative !== keyboard && (
            <BigButton variant="secondary" onClick={() => setKeyboard(alternative)}>
              {t('comment.keyboardSwitch', { name: LANGUAGE_NAMES[alternative] })}
            </BigButton>
          )}
        </div>
      </div>
    </ScreenFrame>
  );
}
