import { useTranslation } from 'react-i18next';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import type { ProposalDraft } from './flow.js';
import { ReviewFrame, typedItem, voiceItem, type ReviewActions } from '../../ui/ReviewFrame.js';
import { proposePosition } from './proposeSteps.js';

interface ProposeReviewScreenProps {
  readonly draft: ProposalDraft;
  readonly voiceMessage: VoiceMessage | null;
  readonly actions: ReviewActions;
}

/** The contact, private, with what it is for beside it ("you will be told when it is decided"). */
function contactItem(term: string, contact: string, told: string) {
  const item = typedItem(term, contact, '');
  return { ...item, shown: `${contact} (${told})`, spoken: [...item.spoken, { text: told }] };
}

/** The proposal before it is sent, shown and read back; typed text is private in audio mode. */
export function ProposeReviewScreen({ draft, voiceMessage, actions }: ProposeReviewScreenProps) {
  const { t } = useTranslation();
  const title = draft.title.trim();
  return (
    <ReviewFrame
      title={t('propose.reviewTitle')}
      position={proposePosition('proposeReview')}
      hint={t('hints.proposeReview')}
      items={[
        { term: t('propose.name'), shown: title, spoken: [{ text: `${t('propose.name')}:` }, { text: title, private: true }] },
        typedItem(t('propose.description'), draft.description.trim(), t('propose.noDescription'), 'review-message'),
        ...voiceItem(t('review.voice'), voiceMessage, (count) => t('voice.seconds', { count })),
        // The contact only when the visitor asked to hear the decision: said privately, "tell me" after it.
        ...(draft.notify && draft.contact ? [contactItem(t('feedback.reviewContact'), draft.contact, t('propose.notifyYes'))] : []),
      ]}
      sendLabel={t('propose.send')}
      changeLabel={t('propose.change')}
      actions={actions}
    />
  );
}
