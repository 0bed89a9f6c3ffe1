import { useTranslation } from 'react-i18next';
import type { SavedFeedback } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { formatTrackingCode } from '../../../sync/protocol/trackingCode.js';
import { QrCode } from '../../ui/QrCode.js';
import { ReceiptQr } from '../../ui/ReceiptQr.js';
import { SavedCode, ThanksFrame } from '../../ui/ThanksFrame.js';

interface FeedbackThanksScreenProps {
  readonly saved: SavedFeedback;
  readonly language: Language;
  readonly onFinish: () => void;
  /** A proposal's own words (the code and QR work the same way). */
  readonly texts?: { readonly title: string; readonly promise: string; readonly qrLabel: string } | undefined;
}

/** Only after the core committed the feedback: the tracking code large, spelled out, and as a QR code of its status page. */
export function FeedbackThanksScreen({ saved, language, onFinish, texts }: FeedbackThanksScreenProps) {
  const { t } = useTranslation();
  const promise = texts?.promise ?? t('feedback.promise');
  return (
    <ThanksFrame
      title={texts?.title ?? t('feedback.thanksTitle')}
      className="thanks feedback-thanks"
      hint={t('hints.feedbackThanks')}
      codeIntro={t('feedback.codeIntro')}
      code={saved.trackingCode}
      language={language}
      after={[promise, t('receipt.spoken')]}
      finishLabel={t('feedback.finish')}
      onFinish={onFinish}
    >
      <div className="code-and-qr">
        <SavedCode label={t('feedback.codeLabel')} code={formatTrackingCode(saved.trackingCode)} testId="tracking-code" note={promise} />
        <div className="qr-pair">
          <QrCode text={saved.statusUrl} label={texts?.qrLabel ?? t('feedback.qrLabel')} />
          <ReceiptQr url={saved.receiptUrl} size={160} />
        </div>
      </div>
    </ThanksFrame>
  );
}
