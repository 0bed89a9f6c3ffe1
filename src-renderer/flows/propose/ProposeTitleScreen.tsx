import { useTranslation } from 'react-i18next';
import type { Language } from '../../../sync/protocol/languages.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextEntry } from '../../ui/TextEntry.js';
import { useKeyboardSwitch } from '../../ui/useKeyboardSwitch.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { proposePosition } from './proposeSteps.js';
import { TypingLayout } from '../../ui/TypingLayout.js';

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
  const { keyboard, switchButton } = useKeyboardSwitch(language);
  return (
    <ScreenFrame
      title={t('propose.titleTitle')}
      className="comment-screen"
      position={proposePosition('proposeTitle')}
      hint={t('hints.proposeTitle')}
    >
      <TypingLayout
        entry={
          <TextEntry
            id="proposal-title"
            label={t('propose.titleLabel')}
            value={title}
            max={MAX_TITLE}
            onChange={onTitle}
            keyboard={{ language: keyboard, label: t('propose.titleLabel') }}
            invalid={showError}
            {...(showError ? { describedBy: 'title-error' } : {})}
            below={showError && <ErrorMessage id="title-error">{t('propose.titleRequired')}</ErrorMessage>}
          />
        }
        side={
          <div className="button-column">
            <BigButton onClick={onNext}>{t('vote.next')}</BigButton>
            {switchButton}
          </div>
        }
      />
    </ScreenFrame>
  );
}
