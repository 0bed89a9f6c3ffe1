import { useTranslation } from 'react-i18next';
import { BigButton } from './BigButton.js';

interface BottomBarProps {
  readonly onHome: () => void;
  readonly onBack: () => void;
  readonly onHelp: () => void;
  readonly onLanguage: () => void;
  readonly canGoBack: boolean;
}

/** Home, Back, Help, Language and Audio, always in the same places (ACCESSIBILITY.md item 22). */
export function BottomBar({ onHome, onBack, onHelp, onLanguage, canGoBack }: BottomBarProps) {
  const { t } = useTranslation();
  return (
    <nav className="bottom-bar" aria-label={t('bar.label')}>
      <BigButton onClick={onHome}>⌂ {t('bar.home')}</BigButton>
      <BigButton onClick={onBack} unavailable={!canGoBack}>
        ← {t('bar.back')}
      </BigButton>
      <BigButton onClick={onHelp}>? {t('bar.help')}</BigButton>
      <BigButton onClick={onLanguage}>Aა {t('bar.language')}</BigButton>
      {/* Audio mode arrives with its own issue; the place is kept so habits form now. */}
      <BigButton unavailable aria-describedby="audio-soon">
        ♪ {t('bar.audio')}
        <span id="audio-soon" hidden>
          {t('bar.audioSoon')}
        </span>
      </BigButton>
    </nav>
  );
}
