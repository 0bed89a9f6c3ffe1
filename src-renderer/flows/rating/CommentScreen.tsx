import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { LANGUAGE_NAMES } from '../../i18n/i18n.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { BigButton } from '../../ui/BigButton.js';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { VoiceRecorder } from '../../ui/VoiceRecorder.js';
import { RATING_STEPS } from './ratingSteps.js';

export const MAX_COMMENT = 2000;

interface CommentScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  readonly sessionId: string;
  readonly comment: string;
  readonly voiceMessage: VoiceMessage | null;
  readonly recordLimitSec: number;
  readonly onComment: (comment: string) => void;
  readonly onVoiceMessage: (voiceMessage: VoiceMessage | null) => void;
  readonly onNext: (withComment: boolean) => void;
}

/** The optional comment: typed on the on-screen keyboard (in the visitor's script or Latin), or recorded. */
export function CommentScreen({
  content,
  language,
  sessionId,
  comment,
  voiceMessage,
  recordLimitSec,
  onComment,
  onVoiceMessage,
  onNext,
}: CommentScreenProps) {
  const { t } = useTranslation();
  const [keyboard, setKeyboard] = useState<Language>(language);
  const alternative: Language = keyboard === 'en' ? language : 'en';
  const append = (text: string) => onComment((comment + text).slice(0, MAX_COMMENT));
  return (
    <ScreenFrame
      title={pickText(content.rating.commentPrompt, language)}
      className="comment-screen"
      position={{ current: RATING_STEPS.indexOf('comment') + 1, total: RATING_STEPS.length }}
      hint={t('hints.comment')}
    >
      <div className="comment-layout">
        <div className="comment-typing">
          <div className="comment-head">
            <label className="comment-label" htmlFor="comment">
              {t('comment.label')}
            </label>
            <span className="counter" id="comment-count">
              {t('comment.characters', { count: comment.length, max: MAX_COMMENT })}
            </span>
          </div>
          <textarea
            id="comment"
            className="comment-box"
            value={comment}
            maxLength={MAX_COMMENT}
            aria-describedby="comment-count"
            onChange={(event) => onComment(event.target.value)}
          />
          <OnScreenKeyboard language={keyboard} onKey={append} onBackspace={() => onComment(Array.from(comment).slice(0, -1).join(''))} />
        </div>
        <div className="comment-side">
          <VoiceRecorder sessionId={sessionId} limitSec={recordLimitSec} voiceMessage={voiceMessage} onChange={onVoiceMessage} />
          <div className="button-column">
            <BigButton onClick={() => onNext(true)}>{t('comment.send')}</BigButton>
            <BigButton variant="secondary" onClick={() => onNext(false)}>
              {t('comment.skip')}
            </BigButton>
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
