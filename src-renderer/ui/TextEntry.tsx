import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import type { KeyboardLayout } from './keyboardLayouts.js';
import { OnScreenKeyboard } from './OnScreenKeyboard.js';

/** Text cut to `max` characters as a person counts them (a Georgian letter, an emoji: one each). */
export const cutTo = (text: string, max: number): string => Array.from(text).slice(0, max).join('');

interface TextEntryProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly max: number;
  readonly onChange: (text: string) => void;
  /** A box for long text, or one line. */
  readonly multiline?: boolean;
  /** The on-screen keyboard: its language and (for a contact, say) its layout; `label` names it for screen readers. */
  readonly keyboard: { readonly language: Language; readonly layout?: KeyboardLayout; readonly label?: string };
  /** Shown beside the label, e.g. the characters left; its id describes the field. */
  readonly counter?: { readonly id: string; readonly text: string };
  /** What goes under the field (an error, a limit reached). */
  readonly below?: ReactNode;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  /** The label, field and what is below them in their own box (a short field beside a wide keyboard). */
  readonly fieldBox?: string;
  /** For codes, numbers and addresses: a class, the language of what is typed, no spell checking. */
  readonly fieldClass?: string;
  readonly fieldLang?: string;
  readonly plain?: boolean;
  /** The phone-style keypad an on-screen keyboard stands in for (digits for a personal number). */
  readonly inputMode?: 'numeric';
  /** What Enter in the field does, where it does more than the kiosk's own Enter (checking a typed code). */
  readonly onEnter?: () => void;
}

/**
 * The one text entry of the kiosk: a label, the field, and the on-screen
 * keyboard under it (a touch monitor has no other), all editing one value cut
 * to its limit. Screens that take text (a comment, a message, a title, a
 * contact, a survey's free answer) use it; the keyboard switch is theirs.
 */
export function TextEntry(props: TextEntryProps) {
  const { id, label, value, max, onChange, multiline = false, keyboard, counter, below, invalid, describedBy } = props;
  const { t } = useTranslation();
  const set = (text: string) => onChange(cutTo(text, max));
  const labelElement = (
    <label className="comment-label" htmlFor={id}>
      {label}
    </label>
  );
  const fieldProps = {
    id,
    value,
    maxLength: max,
    'aria-invalid': invalid || undefined,
    'aria-describedby': [counter?.id, describedBy].filter(Boolean).join(' ') || undefined,
    'data-enter-hint': t('keys.textBoxHint'),
    ...(props.plain ? { autoComplete: 'off', spellCheck: false } : {}),
    ...(props.fieldLang ? { lang: props.fieldLang } : {}),
    ...(props.inputMode ? { inputMode: props.inputMode } : {}),
  };
  const onEnter = props.onEnter;
  const onKeyDown = onEnter && ((event: KeyboardEvent<HTMLInputElement>) => event.key === 'Enter' && onEnter());
  const field = multiline ? (
    <textarea className="comment-box" {...fieldProps} onChange={(event) => set(event.target.value)} />
  ) : (
    <input
      className={props.fieldClass ?? 'text-field'}
      {...fieldProps}
      onChange={(event) => set(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
  const top = (
    <>
      {counter ? (
        <div className="comment-head">
          {labelElement}
          <span className="counter" id={counter.id}>
            {counter.text}
          </span>
        </div>
      ) : (
        labelElement
      )}
      {field}
      {below}
    </>
  );
  return (
    <>
      {props.fieldBox ? <div className={props.fieldBox}>{top}</div> : top}
      <OnScreenKeyboard
        language={keyboard.language}
        layout={keyboard.layout}
        label={keyboard.label}
        onKey={(key) => set(value + key)}
        onBackspace={() => set(Array.from(value).slice(0, -1).join(''))}
        count={Array.from(value).length}
        max={max}
      />
    </>
  );
}
