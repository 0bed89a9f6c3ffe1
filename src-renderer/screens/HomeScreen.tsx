import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/BigButton.js';
import { ScreenFrame } from '../ui/ScreenFrame.js';

/** Home: large tiles, one per flow. Flows not built yet are shown, marked, and do nothing. */
interface HomeScreenProps {
  readonly onRate: () => void;
  readonly onSurvey: () => void;
  readonly onVote: () => void;
  readonly onFeedback: () => void;
  readonly onTrack: () => void;
}

export function HomeScreen({ onRate, onSurvey, onVote, onFeedback, onTrack }: HomeScreenProps) {
  const { t } = useTranslation();
  const soon = ['propose'] as const;
  return (
    <ScreenFrame title={t('home.title')} choices={5 + soon.length} hint={t('hints.home')}>
      <div className="tiles">
        <BigButton className="tile" onClick={onRate}>
          {t('home.rate')}
        </BigButton>
        <BigButton className="tile" onClick={onSurvey}>
          {t('home.survey')}
        </BigButton>
        <BigButton className="tile" onClick={onVote}>
          {t('home.vote')}
        </BigButton>
        <BigButton className="tile" onClick={onFeedback}>
          {t('home.feedback')}
        </BigButton>
        <BigButton className="tile" onClick={onTrack}>
          {t('home.track')}
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
