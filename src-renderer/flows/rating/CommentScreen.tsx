import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { BigButton } from '../../ui/BigButton.js';
import { TextEntry } from '../../ui/TextEntry.js';
import { useKeyboardSwitch } from '../../ui/useKeyboardSwitch.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { VoiceRecorder } from '../../ui/VoiceRecorder.js';
import { RATING_STEPS } from './ratingSteps.js';
import { TypingLayout } from '../../ui/TypingLayout.js';

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
  const { keyboard, switchButton } = useKeyboardSwitch(language);
  return (
    <ScreenFrame
      title={pickText(content.rating.commentPrompt, language)}
      className="comment-screen"
      position={{ current: RATING_STEPS.indexOf('comment') + 1, total: RATING_STEPS.length }}
      hint={t('hints.comment')}
    >
      <TypingLayout
        entry={
          <TextEntry
            id="comment"
            label={t('comment.label')}
            value={comment}
            max={MAX_COMMENT}
            onChange={onComment}
            multiline
            keyboard={{ language: keyboard }}
            counter={{ id: 'comment-count', text: t('comment.characters', { count: comment.length, max: MAX_COMMENT }) }}
          />
        }
        side={
          <>
            <VoiceRecorder sessionId={sessionId} limitSec={recordLimitSec} voiceMessage={voiceMessage} onChange={onVoiceMessage} />
            <div className="button-column">
              <BigButton onClick={() => onNext(true)}>{t('comment.send')}</BigButton>
              <BigButton variant="secondary" onClick={() => onNext(false)}>
                {t('comment.skip')}
              </BigButton>
              {switchButton}
            </div>
          </>
        }
      />
    </ScreenFrame>
  );
}
