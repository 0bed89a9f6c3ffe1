import { useAudioMode } from '../../audio/AudioModeContext.js';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../sync/protocol/languages.js';
import { MAX_FEEDBACK_MESSAGE } from '../../../sync/protocol/feedbackKinds.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextEntry } from '../../ui/TextEntry.js';
import { useKeyboardSwitch } from '../../ui/useKeyboardSwitch.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { VoiceRecorder } from '../../ui/VoiceRecorder.js';
import { feedbackPosition } from './feedbackSteps.js';
import { TypingLayout } from '../../ui/TypingLayout.js';

interface FeedbackMessageScreenProps {
  readonly language: Language;
  readonly sessionId: string;
  readonly message: string;
  readonly voiceMessage: VoiceMessage | null;
  readonly recordLimitSec: number;
  readonly showError: boolean;
  readonly onMessage: (message: string) => void;
  readonly onVoiceMessage: (voiceMessage: VoiceMessage | null) => void;
  readonly onNext: () => void;
  /** The same screen serves a proposal's description: its own title, label and place in its flow. */
  readonly texts?: { readonly title: string; readonly label: string; readonly hint: string } | undefined;
  readonly position?: { readonly current: number; readonly total: number } | undefined;
}

/** The message, typed or recorded (or both), up to the limit, which the screen counts down to and announces. */
export function FeedbackMessageScreen({
  language,
  sessionId,
  message,
  voiceMessage,
  recordLimitSec,
  showError,
  onMessage,
  onVoiceMessage,
  onNext,
  texts,
  position,
}: FeedbackMessageScreenProps) {
  const { t } = useTranslation();
  const audio = useAudioMode();
  const { keyboard, switchButton } = useKeyboardSwitch(language);
  const length = Array.from(message).length;
  const voiceFirst = audio.enabled;
  const typing = (
    <TextEntry
      id="feedback-message"
      label={texts?.label ?? t('feedback.messageLabel')}
      value={message}
      max={MAX_FEEDBACK_MESSAGE}
      onChange={onMessage}
      multiline
      keyboard={{ language: keyboard, label: texts?.label ?? t('feedback.messageLabel') }}
      counter={{ id: 'message-count', text: t('feedback.characters', { count: length, max: MAX_FEEDBACK_MESSAGE }) }}
      invalid={showError}
      below={length >= MAX_FEEDBACK_MESSAGE && <ErrorMessage>{t('feedback.limitReached', { max: MAX_FEEDBACK_MESSAGE })}</ErrorMessage>}
    />
  );
  const recorder = (
    <>
      <VoiceRecorder sessionId={sessionId} limitSec={recordLimitSec} voiceMessage={voiceMessage} onChange={onVoiceMessage} />
      {showError && <ErrorMessage>{t('feedback.messageRequired')}</ErrorMessage>}
    </>
  );
  const buttons = (
    <div className="button-column">
      <BigButton onClick={onNext}>{t('feedback.next')}</BigButton>
      {switchButton}
    </div>
  );
  return (
    <ScreenFrame
      title={texts?.title ?? t('feedback.messageTitle')}
      className="comment-screen"
      position={position ?? feedbackPosition('feedbackMessage')}
      hint={texts?.hint ?? t('hints.feedbackMessage')}
    >
      {/* In audio mode the voice message comes first (speaking is quicker than typing by ear), then the text, then Next. */}
      {voiceFirst ? (
        <TypingLayout first={recorder} entry={typing} side={buttons} />
      ) : (
        <TypingLayout
          entry={typing}
          side={
            <>
              {recorder}
              {buttons}
            </>
          }
        />
      )}
    </ScreenFrame>
  );
}
