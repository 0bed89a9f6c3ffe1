import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Utterance } from '../../audio/describeElement.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import type { FeedbackDraft } from './flow.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { SendOrChange } from '../../ui/SendOrChange.js';
import { feedbackPosition } from './feedbackSteps.js';

interface FeedbackReviewScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  readonly draft: FeedbackDraft;
  readonly voiceMessage: VoiceMessage | null;
  readonly busy: boolean;
  readonly showError: boolean;
  readonly onSend: () => void;
  readonly onChange: () => void;
}

/** Everything before it is sent, shown and read back; the message and the contact are private (ACCESSIBILITY.md item 3). */
export function FeedbackReviewScreen({
  content,
  language,
  draft,
  voiceMessage,
  busy,
  showError,
  onSend,
  onChange,
}: FeedbackReviewScreenProps) {
  const { t } = useTranslation();
  const service = content.services.find((s) => s.id === draft.serviceId);
  const serviceName = service ? pickText(service.name, language) : '';
  const kind = draft.kind ? t(`feedback.kinds.${draft.kind}`) : '';
  const message = draft.message.trim();
  const contact = draft.contact.trim();
  const seconds = voiceMessage ? Math.round(voiceMessage.durationMs / 1000) : 0;
  const readBack: Utterance[] = [
    { text: `${t('feedback.reviewKind')}: ${kind}` },
    { text: `${t('feedback.reviewService')}: ${serviceName}` },
    ...(message ? [{ text: `${t('feedback.reviewMessage')}:` }, { text: message, private: true }] : [{ text: t('feedback.noMessage') }]),
    ...(voiceMessage ? [{ text: `${t('feedback.reviewVoice')}: ${t('voice.seconds', { count: seconds })}` }] : []),
    ...(contact ? [{ text: `${t('feedback.reviewContact')}:` }, { text: contact, private: true }] : [{ text: t('feedback.noContact') }]),
    ...(contact && draft.consent ? [{ text: t('feedback.consentYes') }] : []),
  ];
  return (
    <ScreenFrame
      title={t('feedback.reviewTitle')}
      position={feedbackPosition('feedbackReview')}
      hint={t('hints.feedbackReview')}
      details={readBack}
    >
      <dl className="review-list">
        <dt>{t('feedback.reviewKind')}</dt>
        <dd>{kind}</dd>
        <dt>{t('feedback.reviewService')}</dt>
        <dd>{serviceName}</dd>
        <dt>{t('feedback.reviewMessage')}</dt>
        <dd className="review-message">{message || t('feedback.noMessage')}</dd>
        {voiceMessage && (
          <>
            <dt>{t('feedback.reviewVoice')}</dt>
            <dd>{t('voice.seconds', { count: seconds })}</dd>
          </>
        )}
        <dt>{t('feedback.reviewContact')}</dt>
        <dd>{contact ? `${contact}${draft.consent ? ` (${t('feedback.consentYes')})` : ''}` : t('feedback.noContact')}</dd>
      </dl>
      <SendOrChange
        sendLabel={t('feedback.send')}
        changeLabel={t('feedback.change')}
        error={showError ? t('errors.saveFailed') : null}
        busy={busy}
        onSend={onSend}
        onChange={onChange}
      />
    </ScreenFrame>
  );
}
