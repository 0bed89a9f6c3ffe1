import type { Language } from '../../sync/protocol/languages.js';

// Georgian names of the Latin letters a confirmation code can hold (Crockford
// base32 has no I, L, O or U): eSpeak's ka voice would otherwise switch to
// English for each letter (ACCESSIBILITY.md item 17).
const GEORGIAN_LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'ეი',
  B: 'ბი',
  C: 'სი',
  D: 'დი',
  E: 'ი',
  F: 'ეფ',
  G: 'ჯი',
  H: 'ეიჩ',
  J: 'ჯეი',
  K: 'კეი',
  M: 'ემ',
  N: 'ენ',
  P: 'პი',
  Q: 'ქიუ',
  R: 'არ',
  S: 'ეს',
  T: 'ტი',
  V: 'ვი',
  W: 'დაბლ-იუ',
  X: 'ექს',
  Y: 'უაი',
  Z: 'ზედ',
};

/** A code read character by character: "A, 7, K" (commas give eSpeak a pause between characters). */
export function spellOut(code: string, language: Language): string {
  return Array.from(code)
    .map((char) => (language === 'ka' ? (GEORGIAN_LETTER_NAMES[char.toUpperCase()] ?? char) : char))
    .join(', ');
}
