import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/BigButton.js';
import { ScreenFrame } from '../ui/ScreenFrame.js';

/** Home: large tiles, one per flow. Flows not built yet are shown, marked, and do nothing. */
export function HomeScreen({ onRate }: { readonly onRate: () => void }) {
  const { t } = useTranslation();
  const soon = ['survey', 'vote', 'feedback', 'propose', 'track'] as const;
  return (
    <ScreenFrame title={t('home.title')} choices={1 + soon.length} hint={t('hints.home')}>
      <div className="tiles">
        <BigButton className="tile" onClick={onRate}>
          {t('home.rate')}
        </BigButton>
        {soon.map((key) => (
          <BigButton key={key} className="tile" unavailable aria-describedby={`soon-${key}`}>
            {t(`home.${key}`)}
            <span className="tile-note" id={`soon-${key}`}>
              {t('home.comingSoon')}
            </span>
          </BigButton>
        ))}
      </div>
    </ScreenFrame>
  );
}
