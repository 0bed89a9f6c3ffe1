import { useTranslation } from 'react-i18next';
import { BigButton } from './BigButton.js';
import { Dialog } from './Dialog.js';

/** The idle warning: a visible countdown, the question whether more time is needed, and one action to stay. */
export function IdleWarning({ secondsLeft, onContinue }: { readonly secondsLeft: number; readonly onContinue: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('idle.title')} role="alertdialog">
      <p className="lead">{t('idle.body', { count: secondsLeft })}</p>
      {/* Asked aloud too (the dialog reads its paragraphs): any key or touch gives more time, as often as needed. */}
      <p>{t('idle.moreTime')}</p>
      <p className="countdown" aria-hidden="true">
        {secondsLeft}
      </p>
      <BigButton huge onClick={onContinue}>
        {t('idle.continue')}
      </BigButton>
    </Dialog>
  );
}
