import { useTranslation } from 'react-i18next';
import type { SavedSubmission } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { spellOut } from '../../audio/spellOut.js';
import { BigButton } from '../../ui/BigButton.js';
import { ReceiptQr } from '../../ui/ReceiptQr.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

interface ThankYouScreenProps {
  readonly saved: SavedSubmission;
  readonly language: Language;
  readonly onFinish: () => void;
  /** What was saved ("your rating", "your answers"); the rating's by default. */
  readonly title?: string;
  /** Where it goes, in the same words ("your answers are sent…"); the rating's by default. */
  readonly note?: string;
}

/** Shown only after the core committed the submission: the promise "saved" is true here. The code is spoken character by character. */
export function ThankYouScreen({ saved, language, onFinish, title, note }: ThankYouScreenProps) {
  const { t } = useTranslation();
  const sent = note ?? t('thanks.note');
  return (
    <ScreenFrame
      title={title ?? t('thanks.title')}
      className="thanks"
      hint={t('hints.thanks')}
      onEnter={onFinish}
      details={[
        { text: t('audio.codeIntro') },
        { text: spellOut(saved.confirmationCode, language) },
        { text: sent },
        { text: t('receipt.spoken') },
      ]}
    >
      <div className="code-and-qr keep-row">
        <div>
          <p className="lead" id="code-label">
            {t('thanks.codeLabel')}
          </p>
          <p className="code" aria-labelledby="code-label" data-testid="confirmation-code">
            {saved.confirmationCode}
          </p>
          <p className="lead">{sent}</p>
        </div>
        <ReceiptQr url={saved.receiptUrl} />
      </div>
      <BigButton huge onClick={onFinish}>
        {t('thanks.finish')}
      </BigButton>
    </ScreenFrame>
  );
}
