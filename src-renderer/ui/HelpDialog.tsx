import { useTranslation } from 'react-i18next';
import type { Screen } from '../shells/kiosk/kioskState.js';
import { BigButton } from './BigButton.js';
import { Dialog } from './Dialog.js';

/** Help for the screen the visitor is on. */
export function HelpDialog({ screen, onClose }: { readonly screen: Screen; readonly onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')}>
      <p className="lead">{t(`help.${screen}`)}</p>
      <BigButton onClick={onClose}>{t('help.close')}</BigButton>
    </Dialog>
  );
}
