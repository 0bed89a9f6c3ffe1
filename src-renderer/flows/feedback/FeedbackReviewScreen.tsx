import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import type { FeedbackDraft } from './flow.js';
import { ReviewFrame, typedItem, voiceItem, type ReviewActions } from '../../ui/ReviewFrame.js';
import { feedbackPosition } from './feedbackSteps.js';

interface FeedbackReviewScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  readonly draft: FeedbackDraft;
  readonly voiceMessage: VoiceMessage | null;
  readonly actions: ReviewActions;
}

/** Everything before it is sent, shown and read back; the message and the contact are private (ACCESSIBILITY.md item 3). */
export function FeedbackReviewScreen({ content, language, draft, voiceMessage, actions }: FeedbackReviewScreenProps) {
  const { t } = useTranslation();
  const service = content.services.find((s) => s.id === draft.serviceId);
  const serviceName = service ? pickText(service.name, language) : '';
  const kind = draft.kind ? t(`feedback.kinds.${draft.kind}`) : '';
  const contact = draft.contact.trim();
  const consent = contact !== '' && draft.consent;
  const notify = contact !== '' && draft.notify;
  const choices = [...(consent ? [t('feedback.consentYes')] : []), ...(notify ? [t('feedback.notifyYes')] : [])];
  const contactItem = typedItem(t('feedback.reviewContact'), contact, t('feedback.noContact'));
  return (
    <ReviewFrame
      title={t('feedback.reviewTitle')}
      position={feedbackPosition('feedbackReview')}
      hint={t('hints.feedbackReview')}
      items={[
        { term: t('feedback.reviewKind'), shown: kind, spoken: [{ text: `${t('feedback.reviewKind')}: ${kind}` }] },
        { term: t('feedback.reviewService'), shown: serviceName, spoken: [{ text: `${t('feedback.reviewService')}: ${serviceName}` }] },
        typedItem(t('feedback.reviewMessage'), draft.message.trim(), t('feedback.noMessage'), 'review-message'),
        ...voiceItem(t('feedback.reviewVoice'), voiceMessage, (count) => t('voice.seconds', { count })),
        // The consent and "tell me" are said after the contact, and shown beside it.
        {
          ...contactItem,
          shown: choices.length > 0 ? `${contact} (${choices.join('; ')})` : contactItem.shown,
          spoken: [...contactItem.spoken, ...choices.map((text) => ({ text }))],
        },
      ]}
      sendLabel={t('feedback.send')}
      changeLabel={t('feedback.change')}
      actions={actions}
    />
  );
}
