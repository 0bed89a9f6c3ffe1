import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Utterance } from '../../audio/describeElement.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { SendOrChange } from '../../ui/SendOrChange.js';
import { RATING_STEPS } from './ratingSteps.js';

interface ReviewScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  readonly score: number;
  readonly comment: string;
  readonly voiceMessage: VoiceMessage | null;
  readonly busy: boolean;
  readonly showError: boolean;
  readonly onSend: () => void;
  readonly onChange: () => void;
}

/**
 * The answers before they are sent, shown and (in audio mode) read back
 * (ACCESSIBILITY.md item 10). The typed comment is private: it is read only
 * into a headset, or on the loudspeaker if the visitor chose so.
 */
export function ReviewScreen({ content, language, score, comment, voiceMessage, busy, showError, onSend, onChange }: ReviewScreenProps) {
  const { t } = useTranslation();
  const rating = content.rating.labels[score - 1];
  const ratingText = rating ? pickText(rating, language) : String(score);
  const seconds = voiceMessage ? Math.round(voiceMessage.durationMs / 1000) : 0;
  const readBack: Utterance[] = [
    { text: `${t('review.rating')}: ${ratingText}` },
    comment ? { text: `${t('review.comment')}:` } : { text: t('review.noComment') },
    ...(comment ? [{ text: comment, private: true }] : []),
    ...(voiceMessage ? [{ text: `${t('review.voice')}: ${t('voice.seconds', { count: seconds })}` }] : []),
  ];
  return (
    <ScreenFrame
      title={t('review.title')}
      position={{ current: RATING_STEPS.indexOf('review') + 1, total: RATING_STEPS.length }}
      hint={t('hints.review')}
      details={readBack}
    >
      <dl className="review-list">
        <dt>{t('review.rating')}</dt>
        <dd>{ratingText}</dd>
        <dt>{t('review.comment')}</dt>
        <dd>{comment || t('review.noComment')}</dd>
        {voiceMessage && (
          <>
            <dt>{t('review.voice')}</dt>
            <dd>{t('voice.seconds', { count: seconds })}</dd>
          </>
        )}
      </dl>
      <SendOrChange
        sendLabel={t('review.send')}
        changeLabel={t('review.change')}
        error={showError ? t('errors.saveFailed') : null}
        busy={busy}
        onSend={onSend}
        onChange={onChange}
      />
    </ScreenFrame>
  );
}
