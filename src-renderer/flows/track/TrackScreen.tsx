import { useTranslation } from 'react-i18next';
import type { FeedbackLookup } from '../../../src-main/api/contract.js';
import { TRACKING_CODE_LENGTH } from '../../../sync/protocol/trackingCode.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { CODE_LAYOUT } from '../../ui/keyboardLayouts.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { TextEntry } from '../../ui/TextEntry.js';

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
  return (
    <ScreenFrame title={t('track.title')} className="track-screen" hint={t('hints.track')}>
      <TextEntry
        id="tracking-code"
        label={t('track.codeLabel')}
        value={code}
        max={TRACKING_CODE_LENGTH + 2}
        onChange={(text) => onCode(text.toUpperCase())}
        keyboard={{ language: 'en', layout: CODE_LAYOUT, label: t('track.codeLabel') }}
        fieldBox="contact-entry"
        fieldClass="text-field code-field"
        fieldLang="en"
        plain
        invalid={problem !== null && problem !== 'track.queued' && problem !== 'track.unavailable'}
        {...(problem ? { describedBy: 'track-problem' } : {})}
        below={problem && <ErrorMessage id="track-problem">{t(problem)}</ErrorMessage>}
        onEnter={onCheck}
      />
      <div className="button-row">
        <BigButton huge onClick={onCheck} aria-disabled={busy || undefined}>
          {busy ? t('track.checking') : t('track.check')}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
