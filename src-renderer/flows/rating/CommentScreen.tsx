import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { LANGUAGE_NAMES } from '../../i18n/i18n.js';
import { BigButton } from '../../ui/BigButton.js';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

export const MAX_COMMENT = 2000;

interface CommentScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  readonly comment: string;
  readonly busy: boolean;
  readonly showError: boolean;
  readonly onComment: (comment: string) => void;
  readonly onSend: (withComment: boolean) => void;
}

/** The optional comment, typed on the on-screen keyboard (in the visitor's script or Latin). */
export function CommentScreen({ content, language, comment, busy, showError, onComment, onSend }: CommentScreenProps) {
  const { t } = useTranslation();
  const [keyboard, setKeyboard] = useState<Language>(language);
  const alternative: Language = keyboard === 'en' ? language : 'en';
  const append = (text: string) => onComment((comment + text).slice(0, MAX_COMMENT));
  return (
    <ScreenFrame title={pickText(content.rating.commentPrompt, language)} className="comment-screen">
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
      {showError && (
        <p className="error" role="alert">
          {t('errors.saveFailed')}
        </p>
      )}
      <div className="button-row">
        <BigButton onClick={() => onSend(true)} aria-disabled={busy || undefined}>
          {t('comment.send')}
        </BigButton>
        <BigButton variant="secondary" onClick={() => onSend(false)} aria-disabled={busy || undefined}>
          {t('comment.skip')}
        </BigButton>
        {alternative !== keyboard && (
          <BigButton variant="secondary" onClick={() => setKeyboard(alternative)}>
            {t('comment.keyboardSwitch', { name: LANGUAGE_NAMES[alternative] })}
          </BigButton>
        )}
      </div>
    </ScreenFrame>
  );
}
