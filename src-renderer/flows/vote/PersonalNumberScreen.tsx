import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { DIGITS_LAYOUT } from '../../ui/keyboardLayouts.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { TextEntry } from '../../ui/TextEntry.js';

/** Room for 11 digits and a few spaces or dashes as printed on an ID card; the check is the core's. */
const FIELD_MAX = 14;

interface PersonalNumberScreenProps {
  readonly value: string;
  readonly showError: boolean;
  readonly onValue: (value: string) => void;
  readonly onNext: () => void;
}

/**
 * The personal number for a verified ballot, on a digits keypad. What is
 * typed is private (never echoed on the loudspeaker unless the visitor chose
 * so); the kiosk core seals it to Central's key the moment the vote is sent.
 */
export function PersonalNumberScreen({ value, showError, onValue, onNext }: PersonalNumberScreenProps) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('vote.personalTitle')} className="personal-number" hint={t('hints.personalNumber')}>
      <p className="context" id="personal-help">
        {t('vote.personalHelp')}
      </p>
      <div className="comment-layout">
        <TextEntry
          id="personal-number"
          label={t('vote.personalLabel')}
          value={value}
          max={FIELD_MAX}
          onChange={onValue}
          keyboard={{ language: 'en', layout: DIGITS_LAYOUT, label: t('vote.personalLabel') }}
          fieldBox="contact-entry"
          fieldClass="text-field code-field"
          inputMode="numeric"
          plain
          invalid={showError}
          describedBy={showError ? 'number-error personal-help' : 'personal-help'}
          below={
            <>
              {showError && <ErrorMessage id="number-error">{t('vote.invalidNumber')}</ErrorMessage>}
              <BigButton huge onClick={onNext}>
                {t('vote.next')}
              </BigButton>
            </>
          }
        />
      </div>
    </ScreenFrame>
  );
}
