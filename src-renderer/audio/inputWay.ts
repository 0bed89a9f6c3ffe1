import type { Language } from '../../sync/protocol/languages.js';

/** How the visitor last moved through the screen: by keys, or by touch exploration. */
export type InputWay = 'keys' | 'touch';

let last: InputWay = 'keys';
let listening = false;

/**
 * Follows the visitor's way of input, so spoken hints name what they use:
 * "press Enter" to a visitor on the keypad, "double-tap" to one exploring the
 * screen by touch (issue #13, defect 10). Listeners are installed once, in the
 * capture phase, before any handler can stop the event.
 */
export function inputWay(): InputWay {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('keydown', () => (last = 'keys'), { capture: true });
    window.addEventListener('touchstart', () => (last = 'touch'), { capture: true, passive: true });
  }
  return last;
}

/** "Press Enter" in each language's hints, and what a touch explorer does instead (double-tap the focused control). */
const PRESS_ENTER: Readonly<Record<Language, readonly (readonly [RegExp, string])[]>> = {
  en: [
    [/Press Enter/g, 'Double-tap'],
    [/press Enter/g, 'double-tap'],
  ],
  ka: [[/დააჭირეთ Enter-ს/g, 'ორჯერ შეეხეთ']],
  ru: [
    [/Нажмите Enter/g, 'Коснитесь дважды'],
    [/нажмите Enter/g, 'коснитесь дважды'],
  ],
  az: [[/Enter (?:düyməsini )?basın/g, 'iki dəfə toxunun']],
  hy: [
    [/Սեղմեք Enter/g, 'Կրկնակի հպեք'],
    [/սեղմեք Enter/g, 'կրկնակի հպեք'],
  ],
};

/** A spoken hint in the words of the visitor's way of input. */
export function hintFor(hint: string, language: Language, way: InputWay): string {
  if (way === 'keys') return hint;
  return PRESS_ENTER[language].reduce((text, [keys, touch]) => text.replace(keys, touch), hint);
}
