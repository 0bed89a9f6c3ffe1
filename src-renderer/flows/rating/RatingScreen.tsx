import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { Smiley } from '../../ui/Smiley.js';
import { RATING_STEPS } from './ratingSteps.js';

interface RatingScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  readonly serviceId: string;
  readonly score: number | null;
  readonly showError: boolean;
  readonly onScore: (score: number) => void;
  readonly onNext: () => void;
}

/** Five faces with text labels, worst to best, as a radio group. */
export function RatingScreen({ content, language, serviceId, score, showError, onScore, onNext }: RatingScreenProps) {
  const { t } = useTranslation();
  const service = content.services.find((s) => s.id === serviceId);
  return (
    <ScreenFrame
      title={pickText(content.rating.question, language)}
      position={{ current: RATING_STEPS.indexOf('rating') + 1, total: RATING_STEPS.length }}
      choices={content.rating.labels.length}
      hint={t('hints.rating')}
      details={service ? [{ text: pickText(service.name, language) }] : []}
    >
      {service && <p className="context">{pickText(service.name, language)}</p>}
      <div className="smileys" role="radiogroup" aria-labelledby="screen-title">
        {content.rating.labels.map((label, index) => {
          const value = index + 1;
          return (
            <button type="button" role="radio" key={value} className="smiley" aria-checked={score === value} onClick={() => onScore(value)}>
              <Smiley score={value} />
              {pickText(label, language)}
            </button>
          );
        })}
      </div>
      {showError && <ErrorMessage>{t('rating.chooseFirst')}</ErrorMessage>}
      <div className="button-row">
        <BigButton huge onClick={onNext}>
          {t('rating.next')}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
