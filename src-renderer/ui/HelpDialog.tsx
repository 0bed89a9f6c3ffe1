import { useTranslation } from 'react-i18next';
import { useAudioMode } from '../audio/AudioModeContext.js';
import type { Screen } from '../shells/kiosk/kioskState.js';
import { BigButton } from './BigButton.js';
import { Dialog } from './Dialog.js';

/** Help for the screen the visitor is on; in audio mode, the keys as well. */
export function HelpDialog({ screen, onClose }: { readonly screen: Screen; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const { enabled } = useAudioMode();
  // Every screen has help.<screen> in the locale files, or in its flow's own texts (KioskFlow.texts), which typed keys cannot see.
  const help = t(`help.${screen}` as never) as unknown as string;
  return (
    <Dialog title={t('help.title')}>
      <p className="lead">{help}</p>
      {enabled && <p className="lead">{t('help.audioKeys')}</p>}
      <BigButton onClick={onClose}>{t('help.close')}</BigButton>
    </Dialog>
  );
}
