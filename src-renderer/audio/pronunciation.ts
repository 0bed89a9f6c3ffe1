import type { Language } from '../../sync/protocol/languages.js';
import { latinLetterName } from './latinLetterNames.js';

/**
 * The keys of a kiosk keypad are printed in Latin ("Enter", "Page Up"), and
 * the screens name them so (a sighted helper reads the same words). A voice
 * that does not read Latin says them as its speakers do, written in its own
 * script, so no Georgian, Russian or Armenian phrase switches voice mid-way
 * (issue #13, defect 8).
 */
const KEY_NAMES: Readonly<Partial<Record<Language, Readonly<Record<string, string>>>>> = {
  ka: {
    'Page Up': 'ფეიჯ აფ',
    'Page Down': 'ფეიჯ დაუნ',
    Enter: 'ენთერ',
    Escape: 'ესქეიფ',
    Shift: 'შიფტი',
    Tab: 'ტაბი',
    F1: 'ეფ ერთი',
    // Said by their letters' names these are Georgian words, and the sentence says something else: R "არ" is
    // "not" ("R says how many…" was heard "does not say how many…"), S "ეს" is "this" (issue #35). So a key
    // letter is "letter R" by its Georgian name, and the abbreviations are said as the words Georgians say.
    R: 'ასო ერ',
    S: 'ასო ეს',
    QR: 'ქიუარ',
    SMS: 'ესემეს',
    // The example address of the e-mail hint, as a Georgian speaker reads it out.
    'name@example.ge': 'ნეიმ ეთ იგზამფლ წერტილი ჯი ი',
  },
  ru: {
    'Page Up': 'Пейдж ап',
    'Page Down': 'Пейдж даун',
    Enter: 'Энтер',
    Escape: 'Эскейп',
    Shift: 'Шифт',
    Tab: 'Таб',
    F1: 'Эф один',
    // As Russian speakers say them: "эсэмэс" is a Russian word; "e-mail" letter by letter began with "и" ("and").
    QR: 'кьюар',
    SMS: 'эсэмэс',
    'e-mail': 'имейл',
    'name@example.ge': 'нейм собака экзампл точка джи и',
  },
  hy: {
    'Page Up': 'Փեյջ ափ',
    'Page Down': 'Փեյջ դաուն',
    Enter: 'Էնթեր',
    Escape: 'Էսքեյփ',
    Shift: 'Շիֆթ',
    Tab: 'Թաբ',
    F1: 'Էֆ մեկ',
    // S's name "էս" is spoken Armenian for "this": a key letter is "letter S" ("տառ").
    R: 'տառ ար',
    S: 'տառ էս',
    QR: 'քյուար',
    SMS: 'էսէմէս',
    'name@example.ge': 'նեյմ շնիկ էգզամփլ կետ ջի ի',
  },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text as the voice of `language` should read it: key names and lone Latin letters in that voice's words. */
export function pronounce(text: string, language: Language): string {
  const names = KEY_NAMES[language];
  if (!names) return text;
  const keys = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(names).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (
    text
      .replace(keys, (key) => names[key] ?? key)
      // A letter standing alone ("R – repeat") is a key, and capitals ("SMS", "QR") an abbreviation: said letter
      // by letter by their names, as Georgian speakers say them, not read as a word of another script.
      .replace(/(?<![\p{L}\p{N}])(?:[A-Za-z]|[A-Z]{2,6})(?![\p{L}\p{N}])/gu, (letters) =>
        Array.from(letters)
          .map((letter) => latinLetterName(letter, language) ?? letter)
          .join(' '),
      )
  );
}
