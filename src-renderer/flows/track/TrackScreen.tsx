import { useTranslation } from 'react-i18next';
import type { FeedbackLookup } from '../../../src-main/api/contract.js';
import { TRACKING_CODE_LENGTH } from '../../../sync/protocol/trackingCode.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { CODE_LAYOUT } from '../../ui/keyboardLayouts.js';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

interface TrackScreenProps {
  readonly code: string;
  readonly result: FeedbackLookup | null;
  readonly busy: boolean;
  readonly onCode: (code: string) => void;
  readonly onCheck: () => void;
}

/** What to tell the visitor when there is nothing to show: never anything about someone else's feedback. */
export function lookupProblemKey(result: FeedbackLookup | null) {
  switch (result?.state) {
    case 'not-found':
      return 'track.notFound' as const;
    case 'mistyped':
      return result.problem === 'length' ? ('track.mistypedLength' as const) : ('track.mistyped' as const);
    case 'queued':
      return 'track.queued' as const;
    case 'unavailable':
      return 'track.unavailable' as const;
    case 'not-reopenable':
      return 'track.notReopenable' as const;
    default:
      return null;
  }
}

/** The tracking code, typed on a keypad of the 32 characters a code can hold. */
export function TrackScreen({ code, result, busy, onCode, onCheck }: TrackScreenProps) {
  const { t } = useTranslation();
  const problem = lookupProblemKey(result);
  const set = (text: string) => onCode(text.toUpperCase().slice(0, TRACKING_CODE_LENGTH + 2));
  return (
    <ScreenFrame title={t('track.title')} className="track-screen" hint={t('hints.track')}>
      <div className="contact-entry">
        <label className="comment-label" htmlFor="tracking-code">
          {t('track.codeLabel')}
        </label>
        <input
          data-enter-hint={t('keys.textBoxHint')}
          id="tracking-code"
          className="text-field code-field"
          value={code}
          maxLength={TRACKING_CODE_LENGTH + 2}
          autoComplete="off"
          spellCheck={false}
          lang="en"
          aria-invalid={problem && problem !== 'track.queued' && problem !== 'track.unavailable' ? true : undefined}
          aria-describedby={problem ? 'track-problem' : undefined}
          onChange={(event) => set(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onCheck();
          }}
        />
        {problem && <ErrorMessage id="track-problem">{t(problem)}</ErrorMessage>}
      </div>
      <OnScreenKeyboard
        language="en"
        layout={CODE_LAYOUT}
        label={t('track.codeLabel')}
        onKey={(key) => set(code + key)}
        onBackspace={() => set(code.slice(0, -1))}
        count={code.length}
        max={TRACKING_CODE_LENGTH + 2}
      />
      <div className="button-row">
        <BigButton huge onClick={onCheck} aria-disabled={busy || undefined}>
          {busy ? t('track.checking') : t('track.check')}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
