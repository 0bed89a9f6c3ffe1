import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/BigButton.js';
import { ScreenFrame } from '../ui/ScreenFrame.js';
import { LANGUAGE_NAMES } from '../i18n/i18n.js';

/** The attract screen: one big Start, in the default language, with every language named and how to get audio. */
export function WelcomeScreen({ onStart }: { readonly onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('welcome.title')} className="welcome" hint={t('hints.welcome')} onEnter={onStart}>
      <p className="lead">{t('welcome.subtitle')}</p>
      <BigButton huge onClick={onStart}>
        {t('welcome.start')}
      </BigButton>
      <p className="welcome-languages">
        {Object.entries(LANGUAGE_NAMES).map(([code, name], index) => (
          <span key={code} lang={code}>
            {index > 0 ? ' · ' : ''}
            {name}
          </span>
        ))}
      </p>
      <p className="welcome-audio-hint">♪ {t('audio.attractVisible')}</p>
    </ScreenFrame>
  );
}
