import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode.js';

/**
 * The citizen's receipt (issue #15): a QR code of their page in the public
 * record, which proves the submission is in the signed log without showing
 * their answers. The address holds the receipt's secret code, so it is shown
 * only as the QR code, never as text on the screen or in speech.
 */
export function ReceiptQr({ url, size = 200 }: { readonly url: string; readonly size?: number }) {
  const { t } = useTranslation();
  return (
    <figure className="share receipt-qr" data-testid="receipt-qr">
      <QrCode text={url} label={t('receipt.qrLabel')} size={size} />
      <figcaption>{t('receipt.caption')}</figcaption>
    </figure>
  );
}
