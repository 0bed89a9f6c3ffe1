import { useTranslation } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import { BigButton } from '../ui/BigButton.js';
import { ScreenFrame } from '../ui/ScreenFrame.js';
import { LANGUAGE_NAMES } from '../i18n/i18n.js';

interface LanguageScreenProps {
  readonly languages: readonly Language[];
  readonly current: Language;
  readonly onChoose: (language: Language) => void;
}

/** Each language is named in itself (and marked with lang=) so it is found and pronounced right. */
export function LanguageScreen({ languages, current, onChoose }: LanguageScreenProps) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('language.title')} choices={languages.length} hint={t('hints.language')}>
      <div className="language-grid">
        {languages.map((language) => (
          <BigButton
            key={language}
            lang={language}
            variant={language === current ? 'primary' : 'secondary'}
            aria-current={language === current ? 'true' : undefined}
            onClick={() => onChoose(language)}
          >
            {LANGUAGE_NAMES[language]}
          </BigButton>
        ))}
      </div>
    </ScreenFrame>
  );
}
