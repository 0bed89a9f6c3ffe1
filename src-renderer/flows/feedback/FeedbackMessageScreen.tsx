import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../sync/protocol/languages.js';
import { MAX_FEEDBACK_MESSAGE } from '../../../sync/protocol/feedbackKinds.js';
import { LANGUAGE_NAMES } from '../../i18n/i18n.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { VoiceRecorder } from '../../ui/VoiceRecorder.js';
import { feedbackPosition } from './feedbackSteps.js';

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
  const [keyboard, setKeyboard] = useState<Language>(language);
  const alternative: Language = keyboard === 'en' ? language : 'en';
  const length = Array.from(message).length;
  const set = (text: string) => onMessage(Array.from(text).slice(0, MAX_FEEDBACK_MESSAGE).join(''));
  return (
    <ScreenFrame
      title={texts?.title ?? t('feedback.messageTitle')}
      className="comment-screen"
      position={position ?? feedbackPosition('feedbackMessage')}
      hint={texts?.hint ?? t('hints.feedbackMessage')}
    >
      <div className="comment-layout">
        <div className="comment-typing">
          <div className="comment-head">
            <label className="comment-label" htmlFor="feedback-message">
              {texts?.label ?? t('feedback.messageLabel')}
            </label>
            <span className="counter" id="message-count">
              {t('feedback.characters', { count: length, max: MAX_FEEDBACK_MESSAGE })}
            </span>
          </div>
          <textarea
            id="feedback-message"
            className="comment-box"
            value={message}
            maxLength={MAX_FEEDBACK_MESSAGE}
            aria-describedby="message-count"
            aria-invalid={showError || undefined}
            onChange={(event) => set(event.target.value)}
          />
          {length >= MAX_FEEDBACK_MESSAGE && <ErrorMessage>{t('feedback.limitReached', { max: MAX_FEEDBACK_MESSAGE })}</ErrorMessage>}
          <OnScreenKeyboard
            language={keyboard}
            label={texts?.label ?? t('feedback.messageLabel')}
            onKey={(key) => set(message + key)}
            onBackspace={() => set(Array.from(message).slice(0, -1).join(''))}
          />
        </div>
        <div className="comment-side">
          <VoiceRecorder sessionId={sessionId} limitSec={recordLimitSec} voiceMessage={voiceMessage} onChange={onVoiceMessage} />
          {showError && <ErrorMessage>{t('feedback.messageRequired')}</ErrorMessage>}
          <div className="button-column">
            <BigButton onClick={onNext}>{t('feedback.next')}</BigButton>
            {alternative !== keyboard && (
              <BigButton variant="secondary" onClick={() => setKeyboard(alternative)}>
                {t('comment.keyboardSwitch', { name: LANGUAGE_NAMES[alternative] })}
              </BigButton>
            )}
          </div>
        </div>
      </div>
    </ScreenFrame>
  );
}
