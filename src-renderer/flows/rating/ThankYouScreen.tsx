import { useTranslation } from 'react-i18next';
import type { SavedSubmission } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { ReceiptQr } from '../../ui/ReceiptQr.js';
import { SavedCode, ThanksFrame } from '../../ui/ThanksFrame.js';

interface ThankYouScreenProps {
  readonly saved: SavedSubmission;
  readonly language: Language;
  readonly onFinish: () => void;
  /** What was saved ("your rating", "your answers"); the rating's by default. */
  readonly title?: string;
  /** Where it goes, in the same words ("your answers are sent…"); the rating's by default. */
  readonly note?: string;
}

/** A rating's or a survey's thanks: the confirmation code and the receipt's QR code. */
export function ThankYouScreen({ saved, language, onFinish, title, note }: ThankYouScreenProps) {
  const { t } = useTranslation();
  const sent = note ?? t('thanks.note');
  return (
    <ThanksFrame
      title={title ?? t('thanks.title')}
      className="thanks"
      hint={t('hints.thanks')}
      codeIntro={t('audio.codeIntro')}
      code={saved.confirmationCode}
      language={language}
      after={[sent, t('receipt.spoken')]}
      finishLabel={t('thanks.finish')}
      onFinish={onFinish}
    >
      <div className="code-and-qr keep-row">
        <SavedCode label={t('thanks.codeLabel')} code={saved.confirmationCode} testId="confirmation-code" note={sent} />
        <ReceiptQr url={saved.receiptUrl} />
      </div>
    </ThanksFrame>
  );
}
