import { useTranslation } from 'react-i18next';
import type { SavedFeedback } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { formatTrackingCode } from '../../../sync/protocol/trackingCode.js';
import { spellOut } from '../../audio/spellOut.js';
import { BigButton } from '../../ui/BigButton.js';
import { QrCode } from '../../ui/QrCode.js';
import { ReceiptQr } from '../../ui/ReceiptQr.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

/** Only after the core committed the feedback: the tracking code large, spelled out, and as a QR code of its status page. */
interface FeedbackThanksScreenProps {
  readonly saved: SavedFeedback;
  readonly language: Language;
  readonly onFinish: () => void;
  /** A proposal's own words (the code and QR work the same way). */
  readonly texts?: { readonly title: string; readonly promise: string; readonly qrLabel: string } | undefined;
}

export function FeedbackThanksScreen({ saved, language, onFinish, texts }: FeedbackThanksScreenProps) {
  const { t } = useTranslation();
  const title = texts?.title ?? t('feedback.thanksTitle');
  const promise = texts?.promise ?? t('feedback.promise');
  return (
    <ScreenFrame
      title={title}
      className="thanks feedback-thanks"
      hint={t('hints.feedbackThanks')}
      onEnter={onFinish}
      details={[
        { text: t('feedback.codeIntro') },
        { text: spellOut(saved.trackingCode, language) },
        { text: promise },
        { text: t('receipt.spoken') },
      ]}
    >
      <div className="code-and-qr">
        <div>
          <p className="lead" id="code-label">
            {t('feedback.codeLabel')}
          </p>
          <p className="code" aria-labelledby="code-label" data-testid="tracking-code">
            {formatTrackingCode(saved.trackingCode)}
          </p>
          <p className="lead">{promise}</p>
        </div>
        <div className="qr-pair">
          <QrCode text={saved.statusUrl} label={texts?.qrLabel ?? t('feedback.qrLabel')} />
          <ReceiptQr url={saved.receiptUrl} size={160} />
        </div>
      </div>
      <BigButton huge onClick={onFinish}>
        {t('feedback.finish')}
      </BigButton>
    </ScreenFrame>
  );
}
