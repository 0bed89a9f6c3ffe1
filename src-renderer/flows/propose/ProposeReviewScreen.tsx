import { useTranslation } from 'react-i18next';
import type { Utterance } from '../../audio/describeElement.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import type { ProposalDraft } from './flow.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { SendOrChange } from '../../ui/SendOrChange.js';
import { proposePosition } from './proposeSteps.js';

interface ProposeReviewScreenProps {
  readonly draft: ProposalDraft;
  readonly voiceMessage: VoiceMessage | null;
  readonly busy: boolean;
  readonly showError: boolean;
  readonly onSend: () => void;
  readonly onChange: () => void;
}

/** The proposal before it is sent, shown and read back; typed text is private in audio mode. */
export function ProposeReviewScreen({ draft, voiceMessage, busy, showError, onSend, onChange }: ProposeReviewScreenProps) {
  const { t } = useTranslation();
  const description = draft.description.trim();
  const seconds = voiceMessage ? Math.round(voiceMessage.durationMs / 1000) : 0;
  const readBack: Utterance[] = [
    { text: `${t('propose.name')}:` },
    { text: draft.title.trim(), private: true },
    ...(description
      ? [{ text: `${t('propose.description')}:` }, { text: description, private: true }]
      : [{ text: t('propose.noDescription') }]),
    ...(voiceMessage ? [{ text: `${t('review.voice')}: ${t('voice.seconds', { count: seconds })}` }] : []),
  ];
  return (
    <ScreenFrame
      title={t('propose.reviewTitle')}
      position={proposePosition('proposeReview')}
      hint={t('hints.proposeReview')}
      details={readBack}
    >
      <dl className="review-list">
        <dt>{t('propose.name')}</dt>
        <dd>{draft.title.trim()}</dd>
        <dt>{t('propose.description')}</dt>
        <dd className="review-message">{description || t('propose.noDescription')}</dd>
        {voiceMessage && (
          <>
            <dt>{t('review.voice')}</dt>
            <dd>{t('voice.seconds', { count: seconds })}</dd>
          </>
        )}
      </dl>
      <SendOrChange
        sendLabel={t('propose.send')}
        changeLabel={t('propose.change')}
        error={showError ? t('errors.saveFailed') : null}
        busy={busy}
        onSend={onSend}
        onChange={onChange}
      />
    </ScreenFrame>
  );
}
