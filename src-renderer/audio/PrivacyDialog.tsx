import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/BigButton.js';
import { Dialog } from '../ui/Dialog.js';

/**
 * The spoken prompt when audio mode starts on a kiosk without a headset:
 * private content (typed text, a vote, personal data) stays unspoken unless
 * the visitor chooses the loudspeaker (ACCESSIBILITY.md item 3). "Keep it
 * private" is first, so Enter alone is the safe answer.
 */
export function PrivacyDialog({ onChoose }: { readonly onChoose: (useSpeaker: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('audio.privacyTitle')}>
      <p className="lead">{t('audio.privacyBody')}</p>
      <div className="button-row">
        <BigButton onClick={() => onChoose(false)}>{t('audio.keepPrivate')}</BigButton>
        <BigButton variant="secondary" onClick={() => onChoose(true)}>
          {t('audio.useSpeaker')}
        </BigButton>
      </div>
    </Dialog>
  );
}
