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
  // In reading order; a blind visitor learns the positions, so new flows go at the end.
  const tiles = [
    { label: t('home.rate'), onClick: onRate },
    { label: t('home.survey'), onClick: onSurvey },
    { label: t('home.vote'), onClick: onVote },
    { label: t('home.propose'), onClick: onPropose },
    { label: t('home.feedback'), onClick: onFeedback },
    { label: t('home.track'), onClick: onTrack },
    { label: t('home.results'), onClick: onResults },
  ];
  return (
    <ScreenFrame title={t('home.title')} choices={tiles.length} hint={t('hints.home')}>
      <div className="tiles">
        {tiles.map((tile) => (
          <BigButton key={tile.label} className="tile" onClick={tile.onClick}>
            {tile.label}
          </BigButton>
        ))}
      </div>
    </ScreenFrame>
  );
}
