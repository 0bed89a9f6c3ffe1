import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/BigButton.js';
import { ScreenFrame } from '../ui/ScreenFrame.js';

/** Home: large tiles, one per flow. */
interface HomeScreenProps {
  readonly onRate: () => void;
  readonly onSurvey: () => void;
  readonly onVote: () => void;
  readonly onPropose: () => void;
  readonly onFeedback: () => void;
  readonly onTrack: () => void;
  readonly onResults: () => void;
}

export function HomeScreen({ onRate, onSurvey, onVote, onPropose, onFeedback, onTrack, onResults }: HomeScreenProps) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('home.title')} choices={7} hint={t('hints.home')}>
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
        <BigButton className="tile" onClick={onPropose}>
          {t('home.propose')}
        </BigButton>
        <BigButton className="tile" onClick={onFeedback}>
          {t('home.feedback')}
        </BigButton>
        <BigButton className="tile" onClick={onTrack}>
          {t('home.track')}
        </BigButton>
        <BigButton className="tile" onClick={onResults}>
          {t('home.results')}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
