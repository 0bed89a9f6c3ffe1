import { useTranslation } from 'react-i18next';
import type { SavedSubmission } from '../../src-main/core/outbox/enqueue.js';
import { BigButton } from '../ui/BigButton.js';
import { ScreenFrame } from '../ui/ScreenFrame.js';

/** Shown only after the core committed the submission: the promise "saved" is true here. */
export function ThankYouScreen({ saved, onFinish }: { readonly saved: SavedSubmission; readonly onFinish: () => void }) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('thanks.title')} className="thanks">
      <p className="lead" id="code-label">
        {t('thanks.codeLabel')}
      </p>
      <p className="code" aria-labelledby="code-label" data-testid="confirmation-code">
        {saved.confirmationCode}
      </p>
      <p className="lead">{t('thanks.note')}</p>
      <BigButton huge onClick={onFinish}>
        {t('thanks.finish')}
      </BigButton>
    </ScreenFrame>
  );
}
