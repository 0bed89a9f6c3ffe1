import { useTranslation } from 'react-i18next';
import type { PublicFeedback } from '../../../sync/protocol/feedbackStatus.js';
import { formatTrackingCode } from '../../../sync/protocol/trackingCode.js';
import type { Language } from '../../../sync/protocol/languages.js';
import type { Utterance } from '../../audio/describeElement.js';
import { spellOut } from '../../audio/spellOut.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

interface TrackResultScreenProps {
  readonly feedback: PublicFeedback;
  readonly serviceName: string;
  readonly reopened: boolean;
  readonly problem: string | null;
  readonly busy: boolean;
  readonly onReopen: () => void;
  readonly onFinish: () => void;
}

/** "2026-11-27T09:05:00Z" in Tbilisi time (UTC+4, no daylight saving), as the kiosk's clock shows it. */
const tbilisi = (iso: string | null): string => {
  if (!iso) return '—';
  const shifted = new Date(Date.parse(iso) + 4 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
};

/** Status, dates and the published answers, read aloud in audio mode; the visitor can say the answer did not help. */
export function TrackResultScreen({ feedback, serviceName, reopened, problem, busy, onReopen, onFinish }: TrackResultScreenProps) {
  const { t, i18n } = useTranslation();
  const status = t(`track.statuses.${feedback.status}`);
  const answers: Utterance[] =
    feedback.responses.length > 0
      ? [{ text: `${t('track.answer')}:` }, ...feedback.responses.map((response) => ({ text: response.text }))]
      : [{ text: t('track.noAnswer') }];
  return (
    <ScreenFrame
      title={`${t('track.resultTitle')}: ${formatTrackingCode(feedback.code)}`}
      className="track-result"
      hint={t('hints.trackResult')}
      onEnter={onFinish}
      // The code the visitor has just typed is said last, spelled: the status is what they came to hear (issue #35).
      spokenTitle={[{ text: t('track.resultTitle') }]}
      details={[
        { text: `${t('track.status')}: ${status}` },
        { text: serviceName },
        ...answers,
        { text: t('feedback.codeIntro') },
        { text: spellOut(feedback.code, i18n.language as Language) },
      ]}
    >
      {reopened && (
        <p className="notice" role="status">
          {t('track.reopened')}
        </p>
      )}
      <dl className="review-list">
        <dt>{t('track.status')}</dt>
        <dd>{status}</dd>
        <dt>{t('feedback.reviewService')}</dt>
        <dd>{serviceName}</dd>
        <dt>{t('track.received')}</dt>
        <dd>{tbilisi(feedback.receivedAt)}</dd>
        <dt>{t('track.due')}</dt>
        <dd>{tbilisi(feedback.dueAt)}</dd>
      </dl>
      <h2 className="section-title">{t('track.answer')}</h2>
      {feedback.responses.length === 0 ? (
        <p className="lead">{t('track.noAnswer')}</p>
      ) : (
        feedback.responses.map((response) => (
          <p className="lead answer" key={response.publishedAt} data-testid="answer">
            {response.text}
          </p>
        ))
      )}
      {problem && <ErrorMessage>{problem}</ErrorMessage>}
      <div className="button-row">
        <BigButton huge onClick={onFinish}>
          {t('track.finish')}
        </BigButton>
        {feedback.canReopen && (
          <BigButton variant="secondary" onClick={onReopen} aria-disabled={busy || undefined}>
            {t('track.didNotHelp')}
          </BigButton>
        )}
      </div>
    </ScreenFrame>
  );
}
