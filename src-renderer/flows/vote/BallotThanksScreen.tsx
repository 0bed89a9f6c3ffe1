import { useTranslation } from 'react-i18next';
import type { SavedSubmission } from '../../../src-main/api/contract.js';
import type { Ballot } from '../../../sync/protocol/ballot.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { QrCode } from '../../ui/QrCode.js';
import { ReceiptQr } from '../../ui/ReceiptQr.js';
import { ThanksFrame } from '../../ui/ThanksFrame.js';

interface BallotThanksScreenProps {
  readonly saved: SavedSubmission;
  readonly ballot: Ballot;
  readonly choices: readonly string[];
  readonly publicUrl: string;
  readonly language: Language;
  readonly onFinish: () => void;
}

/** After the vote: the confirmation code, and a QR code of each chosen initiative's public page, to share it and follow its support. */
export function BallotThanksScreen({ saved, ballot, choices, publicUrl, language, onFinish }: BallotThanksScreenProps) {
  const { t } = useTranslation();
  const chosen = ballot.initiatives.filter((initiative) => choices.includes(initiative.id));
  return (
    <ThanksFrame
      title={t('vote.thanksTitle')}
      className="thanks"
      hint={t('hints.ballotThanks')}
      codeIntro={t('audio.codeIntro')}
      code={saved.confirmationCode}
      language={language}
      after={[t('receipt.spoken'), t('vote.share')]}
      finishLabel={t('thanks.finish')}
      onFinish={onFinish}
    >
      <p className="lead">
        {t('thanks.codeLabel')}: <span className="code-inline">{saved.confirmationCode}</span>
      </p>
      <div className="code-and-qr">
        <ReceiptQr url={saved.receiptUrl} size={220} />
        <div className="share-group">
          <p className="lead">{t('vote.share')}</p>
          <div className="code-and-qr">
            {chosen.map((initiative) => (
              <figure key={initiative.id} className="share">
                <QrCode
                  text={`${publicUrl}/initiatives/${ballot.id}/${initiative.id}${language === 'ka' ? '' : '?lang=en'}`}
                  label={t('vote.qrLabel', { name: pickText(initiative.title, language) })}
                  size={220}
                />
                <figcaption>{pickText(initiative.title, language)}</figcaption>
              </figure>
            ))}
          </div>
        </div>
      </div>
    </ThanksFrame>
  );
}
