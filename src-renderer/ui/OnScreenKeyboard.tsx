import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import { useAudioMode } from '../audio/AudioModeContext.js';
import { echoTyping, keyUtterance } from '../audio/typingEcho.js';
import { clampToGrid, gridMoveOf, moveInGrid, type GridPosition } from './keyGrid.js';
import { KEYBOARD_LAYOUTS, type KeyboardLayout } from './keyboardLayouts.js';
import { moveFocus } from './moveFocus.js';

interface OnScreenKeyboardProps {
  readonly language: Language;
  /** A special-purpose layout (contact details, codes) instead of the language's own. */
  readonly layout?: KeyboardLayout | undefined;
  /** The group's name, i.e. what is being typed (default: the comment). */
  readonly label?: string | undefined;
  readonly onKey: (text: string) => void;
  readonly onBackspace: () => void;
  /** How many characters are typed, and how many fit: a full text refuses a key out loud; Repeat says the count. */
  readonly count: number;
  readonly max: number;
}

const SPECIAL = new Set(['{bksp}', '{shift}', '{space}']);

/** The first row with a letter: where a visitor typing words starts (the digits are one row up). */
const firstLetterRow = (rows: readonly (readonly string[])[]) =>
  Math.max(
    0,
    rows.findIndex((row) => row.some((key) => /^\p{L}$/u.test(key))),
  );

/**
 * A touch keyboard of real buttons (each with a spoken name, in the voice of
 * its script), since a kiosk has no physical keyboard. Shift applies to one
 * key, as on a phone. By keys it is one stop in the focus order and a grid
 * inside: arrows (or the keypad's 4 6 8 2) move over the keys, Enter types,
 * and up from the first row or down from the last leaves it, so a blind
 * visitor reaches any key in a few presses instead of walking every key.
 */
export function OnScreenKeyboard({ language, layout, label, onKey, onBackspace, count, max }: OnScreenKeyboardProps) {
  const { t, i18n } = useTranslation();
  const screen = i18n.language as Language;
  const [shifted, setShifted] = useState(false);
  const { enabled, speaker } = useAudioMode();
  const chosen = layout ?? KEYBOARD_LAYOUTS[language];
  const rows = chosen[shifted && chosen.shift.length > 0 ? 'shift' : 'default'];
  const lengths = rows.map((row) => row.length);
  const [position, setPosition] = useState<GridPosition>(() => [firstLetterRow(rows), 0]);
  const [activeRow, activeColumn] = clampToGrid(lengths, position);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  /** What a key is called aloud (its button's name, and the typed echo where it may be heard). */
  const spoken = (key: string) => keyUtterance(key, screen, t, chosen.spelled);

  const press = (key: string) => {
    if (key === '{shift}') return setShifted((value) => !value);
    if (key === '{bksp}') {
      onBackspace();
      if (enabled) echoTyping(speaker, t, { kind: count > 0 ? 'deleted' : 'empty' });
      return;
    }
    if (count >= max) {
      if (enabled) echoTyping(speaker, t, { kind: 'notTyped' });
      return;
    }
    onKey(key === '{space}' ? ' ' : key);
    setShifted(false);
    if (enabled) echoTyping(speaker, t, { kind: 'typed', said: spoken(key) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = gridMoveOf(event);
    if (!move) return;
    event.preventDefault();
    // The arrows belong to the grid here, not to the kiosk's next/previous.
    event.stopPropagation();
    const next = moveInGrid(lengths, [activeRow, activeColumn], move);
    if (next === 'before' || next === 'after') return moveFocus(next === 'before' ? -1 : 1);
    setPosition(next);
    buttons.current.get(`${String(next[0])}-${String(next[1])}`)?.focus();
  };

  return (
    <div
      className="osk"
      role="group"
      aria-label={label ?? t('comment.label')}
      data-enter-hint={t('keys.gridHint')}
      data-typed-count={count}
      onKeyDown={onKeyDown}
    >
      {rows.map((row, rowIndex) => (
        <div className="osk-row" key={rowIndex}>
          {row.map((key, keyIndex) => {
            const id = `${String(rowIndex)}-${String(keyIndex)}`;
            const name = spoken(key);
            const named = !SPECIAL.has(key) && name.text !== key;
            return (
              <button
                type="button"
                key={id}
                ref={(element) => {
                  if (element) buttons.current.set(id, element);
                  else buttons.current.delete(id);
                }}
                tabIndex={rowIndex === activeRow && keyIndex === activeColumn ? 0 : -1}
                className={`osk-key${SPECIAL.has(key) ? (key === '{space}' ? ' space' : ' wide') : ''}`}
                aria-pressed={key === '{shift}' ? shifted : undefined}
                aria-label={named ? name.text : undefined}
                // Where the key is, said after a pause (a visitor moving on skips it): the layout can be learnt by ear.
                aria-description={t('keys.position', {
                  row: rowIndex + 1,
                  rows: rows.length,
                  column: keyIndex + 1,
                  columns: row.length,
                })}
                lang={named ? undefined : name.lang}
                onFocus={() => setPosition([rowIndex, keyIndex])}
                onClick={() => press(key)}
              >
                {key === '{bksp}' ? (
                  <>
                    <span aria-hidden="true">⌫ </span>
                    {t('keys.backspace')}
                  </>
                ) : key === '{shift}' ? (
                  <>
                    <span aria-hidden="true">⇧ </span>
                    {t('keys.shift')}
                  </>
                ) : key === '{space}' ? (
                  t('keys.space')
                ) : (
                  key
                )}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
