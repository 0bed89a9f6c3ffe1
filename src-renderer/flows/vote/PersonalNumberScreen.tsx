import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { DIGITS_LAYOUT } from '../../ui/keyboardLayouts.js';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

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
  const set = (text: string) => onValue(text.slice(0, FIELD_MAX));
  return (
    <ScreenFrame title={t('vote.personalTitle')} className="personal-number" hint={t('hints.personalNumber')}>
      <p className="context" id="personal-help">
        {t('vote.personalHelp')}
      </p>
      <div className="comment-layout">
        <div className="contact-entry">
          <label className="comment-label" htmlFor="personal-number">
            {t('vote.personalLabel')}
          </label>
          <input
            data-enter-hint={t('keys.textBoxHint')}
            id="personal-number"
            className="text-field code-field"
            inputMode="numeric"
            autoComplete="off"
            value={value}
            maxLength={FIELD_MAX}
            aria-describedby={showError ? 'number-error personal-help' : 'personal-help'}
            aria-invalid={showError || undefined}
            onChange={(event) => set(event.target.value)}
          />
          {showError && <ErrorMessage id="number-error">{t('vote.invalidNumber')}</ErrorMessage>}
          <BigButton huge onClick={onNext}>
            {t('vote.next')}
          </BigButton>
        </div>
        <OnScreenKeyboard
          language="en"
          layout={DIGITS_LAYOUT}
          label={t('vote.personalLabel')}
          onKey={(key) => set(value + key)}
          onBackspace={() => set(value.slice(0, -1))}
          count={value.length}
          max={FIELD_MAX}
        />
      </div>
    </ScreenFrame>
  );
}
