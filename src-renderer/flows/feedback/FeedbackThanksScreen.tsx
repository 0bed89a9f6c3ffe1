import { useTranslation } from 'react-i18next';
import type { SavedFeedback } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { formatTrackingCode } from '../../../sync/protocol/trackingCode.js';
import { spellOut } from '../../audio/spellOut.js';
import { BigButton } from '../../ui/BigButton.js';
import { QrCode } from '../../ui/QrCode.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

/** Only after the core committed the feedback: the tracking code large, spelled out, and as a QR code of its status page. */
export function FeedbackThanksScreen({ saved, language, onFinish }: { readonly saved: SavedFeedback; readonly language: Language; readonly onFinish: () => void }) {
  const { t } = useTranslation();
  return (
    <ScreenFrame
      title={t('feedback.thanksTitle')}
      className="thanks feedback-thanks"
      hint={t('hints.feedbackThanks')}
      details={[{ text: t('feedback.codeIntro') }, { text: spellOut(saved.trackingCode, language) }, { text: t('feedback.promise') }]}
    >
      <div className="code-and-qr">
        <div>
          <p className="lead" id="code-label">
            {t('feedback.codeLabel')}
          </p>
          <p className="code" aria-labelledby="code-label" data-testid="tracking-code">
            {formatTrackingCode(saved.trackingCode)}
          </p>
          <p className="lead">{t('feedback.promise')}</p>
        </div>
        <QrCode text={saved.statusUrl} label={t('feedback.qrLabel')} />
      </div>
      <BigButton huge onClick={onFinish}>
        {t('feedback.finish')}
      </BigButton>
    </ScreenFrame>
  );
}
