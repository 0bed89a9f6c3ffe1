import { useTranslation } from 'react-i18next';
import type { Modes } from '../shells/kiosk/kioskState.js';
import { BigButton } from './BigButton.js';

interface BottomBarProps {
  readonly onHome: () => void;
  readonly onBack: () => void;
  readonly onHelp: () => void;
  readonly onLanguage: () => void;
  readonly onMode: (mode: keyof Modes, on: boolean) => void;
  readonly modes: Modes;
  readonly canGoBack: boolean;
}

/**
 * Home, Back, Help, Language and Audio always in the same places (ACCESSIBILITY.md
 * item 22), then the display modes. Home sits in the bottom-left corner, where a
 * 2 s touch-and-hold switches audio mode instead.
 */
export function BottomBar({ onHome, onBack, onHelp, onLanguage, onMode, modes, canGoBack }: BottomBarProps) {
  const { t } = useTranslation();
  return (
    <nav className="bottom-bar" aria-label={t('bar.label')}>
      <BigButton onClick={onHome}>
        <span aria-hidden="true">⌂</span> {t('bar.home')}
      </BigButton>
      <BigButton onClick={onBack} unavailable={!canGoBack}>
        <span aria-hidden="true">←</span> {t('bar.back')}
      </BigButton>
      <BigButton onClick={onHelp}>
        <span aria-hidden="true">?</span> {t('bar.help')}
      </BigButton>
      <BigButton onClick={onLanguage}>
        <span aria-hidden="true">Aა</span> {t('bar.language')}
      </BigButton>
      <BigButton aria-pressed={modes.audio} onClick={() => onMode('audio', !modes.audio)}>
        <span aria-hidden="true">♪</span> {t('bar.audio')}
      </BigButton>
      <BigButton aria-pressed={modes.largeText} onClick={() => onMode('largeText', !modes.largeText)}>
        <span aria-hidden="true">A+</span> {t('bar.largeText')}
      </BigButton>
      <BigButton aria-pressed={modes.highContrast} onClick={() => onMode('highContrast', !modes.highContrast)}>
        <span aria-hidden="true">◐</span> {t('bar.highContrast')}
      </BigButton>
    </nav>
  );
}
