import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { ReviewFrame, typedItem, voiceItem, type ReviewActions } from '../../ui/ReviewFrame.js';
import { RATING_STEPS } from './ratingSteps.js';

interface ReviewScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  readonly score: number;
  readonly comment: string;
  readonly voiceMessage: VoiceMessage | null;
  readonly actions: ReviewActions;
}

/**
 * The answers before they are sent, shown and (in audio mode) read back
 * (ACCESSIBILITY.md item 10). The typed comment is private: it is read only
 * into a headset, or on the loudspeaker if the visitor chose so.
 */
export function ReviewScreen({ content, language, score, comment, voiceMessage, actions }: ReviewScreenProps) {
  const { t } = useTranslation();
  const rating = content.rating.labels[score - 1];
  const ratingText = rating ? pickText(rating, language) : String(score);
  return (
    <ReviewFrame
      title={t('review.title')}
      position={{ current: RATING_STEPS.indexOf('review') + 1, total: RATING_STEPS.length }}
      hint={t('hints.review')}
      items={[
        { term: t('review.rating'), shown: ratingText, spoken: [{ text: `${t('review.rating')}: ${ratingText}` }] },
        typedItem(t('review.comment'), comment, t('review.noComment')),
        ...voiceItem(t('review.voice'), voiceMessage, (count) => t('voice.seconds', { count })),
      ]}
      sendLabel={t('review.send')}
      changeLabel={t('review.change')}
      actions={actions}
    />
  );
}
