import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import { useAudioMode } from '../audio/AudioModeContext.js';
import { KEYBOARD_LAYOUTS, type KeyboardLayout } from './keyboardLayouts.js';

interface OnScreenKeyboardProps {
  readonly language: Language;
  /** A special-purpose layout (contact details, codes) instead of the language's own. */
  readonly layout?: KeyboardLayout | undefined;
  /** The group's name, i.e. what is being typed (default: the comment). */
  readonly label?: string | undefined;
  readonly onKey: (text: string) => void;
  readonly onBackspace: () => void;
}

/**
 * A touch keyboard of real buttons (each with a spoken name), since a kiosk has
 * no physical keyboard. Shift applies to one key, as on a phone.
 */
export function OnScreenKeyboard({ language, layout, label, onKey, onBackspace }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const [shifted, setShifted] = useState(false);
  const { enabled, speaker } = useAudioMode();
  const rows = (layout ?? KEYBOARD_LAYOUTS[language])[shifted ? 'shift' : 'default'];

  const press = (key: string) => {
    if (key === '{shift}') return setShifted((value) => !value);
    if (key === '{bksp}') return onBackspace();
    onKey(key === '{space}' ? ' ' : key);
    setShifted(false);
    // Typed text is private: echoed only where no one else hears it (headset, or the visitor's choice).
    if (enabled && !speaker.needsPrivacyChoice())
      void speaker.say([{ text: key === '{space}' ? t('keys.space') : key, private: true }], { remember: false });
  };

  return (
    <div className="osk" role="group" aria-label={label ?? t('comment.label')}>
      {rows.map((row, rowIndex) => (
        <div className="osk-row" key={rowIndex}>
          {row.map((key, keyIndex) => {
            const special = key === '{bksp}' || key === '{shift}' || key === '{space}';
            const label =
              key === '{bksp}'
                ? `⌫ ${t('keys.backspace')}`
                : key === '{shift}'
                  ? `⇧ ${t('keys.shift')}`
                  : key === '{space}'
                    ? t('keys.space')
                    : key;
            return (
              <button
                type="button"
                key={`${rowIndex}-${keyIndex}`}
                className={`osk-key${special ? (key === '{space}' ? ' space' : ' wide') : ''}`}
                aria-pressed={key === '{shift}' ? shifted : undefined}
                onClick={() => press(key)}
              >
                {label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
