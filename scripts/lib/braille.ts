/**
 * Braille for the enclosure's label (ADA 707.8: how to start the speech
 * mode, in Braille, below the key that starts it). Uncontracted (grade 1)
 * text as Unicode Braille patterns (U+2800 + dots), so the same string is
 * checked, drawn and read back.
 *
 * Georgian: the 33 letters of Georgian Braille as UNESCO's World Braille
 * Usage (3rd edition, 2013) gives them; largely unified international
 * Braille, with თ on the cell of international "f" and ჩ on that of "q".
 * English: Unified English Braille, grade 1, lower case.
 */
const cell = (...dots: number[]): string => String.fromCodePoint(0x2800 + dots.reduce((bits, dot) => bits | (1 << (dot - 1)), 0));

const GEORGIAN: Readonly<Record<string, string>> = {
  ა: cell(1),
  ბ: cell(1, 2),
  გ: cell(1, 2, 4, 5),
  დ: cell(1, 4, 5),
  ე: cell(1, 5),
  ვ: cell(2, 4, 5, 6),
  ზ: cell(1, 3, 5, 6),
  თ: cell(1, 2, 4),
  ი: cell(2, 4),
  კ: cell(1, 3),
  ლ: cell(1, 2, 3),
  მ: cell(1, 3, 4),
  ნ: cell(1, 3, 4, 5),
  ო: cell(1, 3, 5),
  პ: cell(1, 2, 3, 4),
  ჟ: cell(2, 4, 5),
  რ: cell(1, 2, 3, 5),
  ს: cell(2, 3, 4),
  ტ: cell(2, 3, 4, 5),
  უ: cell(1, 3, 6),
  ფ: cell(1, 2, 3, 6),
  ქ: cell(1, 2, 4, 5, 6),
  ღ: cell(1, 2, 4, 6),
  ყ: cell(2, 3, 4, 6),
  შ: cell(1, 5, 6),
  ჩ: cell(1, 2, 3, 4, 5),
  ც: cell(1, 4),
  ძ: cell(1, 3, 4, 5, 6),
  წ: cell(1, 4, 5, 6),
  ჭ: cell(1, 3, 4, 6),
  ხ: cell(1, 2, 5),
  ჯ: cell(2, 4, 6),
  ჰ: cell(1, 2, 3, 4, 6),
};

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
// a-j are the top two rows; k-t add dot 3; u v x y z add 3 and 6; w is its own (2456).
const LATIN_CELLS: readonly (readonly number[])[] = [
  [1],
  [1, 2],
  [1, 4],
  [1, 4, 5],
  [1, 5],
  [1, 2, 4],
  [1, 2, 4, 5],
  [1, 2, 5],
  [2, 4],
  [2, 4, 5],
  [1, 3],
  [1, 2, 3],
  [1, 3, 4],
  [1, 3, 4, 5],
  [1, 3, 5],
  [1, 2, 3, 4],
  [1, 2, 3, 4, 5],
  [1, 2, 3, 5],
  [2, 3, 4],
  [2, 3, 4, 5],
  [1, 3, 6],
  [1, 2, 3, 6],
  [2, 4, 5, 6],
  [1, 3, 4, 6],
  [1, 3, 4, 5, 6],
  [1, 3, 5, 6],
];
const ENGLISH: Readonly<Record<string, string>> = Object.fromEntries(
  [...LATIN].map((letter, at) => [letter, cell(...(LATIN_CELLS[at] ?? []))]),
);

/** Digits are the letters a-j after the number sign (⠼), in both codes. */
const NUMBER_SIGN = cell(3, 4, 5, 6);
const DIGIT_LETTERS = 'jabcdefghi';

export type BrailleCode = 'ka' | 'en';

/** A line of print as uncontracted Braille; throws on a character the code here does not cover (a label must not guess). */
export function toBraille(print: string, code: BrailleCode): string {
  const letters = code === 'ka' ? GEORGIAN : ENGLISH;
  let braille = '';
  let inNumber = false;
  for (const char of print) {
    if (/\d/u.test(char)) {
      braille += (inNumber ? '' : NUMBER_SIGN) + (ENGLISH[DIGIT_LETTERS[Number(char)] ?? ''] ?? '');
      inNumber = true;
      continue;
    }
    inNumber = false;
    if (char === ' ') braille += cell();
    else if (letters[char]) braille += letters[char];
    else throw new Error(`braille (${code}): no cell for "${char}" in "${print}"`);
  }
  return braille;
}

/** Braille back to print, for checking a label (the inverse of toBraille on what it accepts). */
export function fromBraille(braille: string, code: BrailleCode): string {
  const letters = new Map(Object.entries(code === 'ka' ? GEORGIAN : ENGLISH).map(([print, cells]) => [cells, print]));
  const digits = new Map([...DIGIT_LETTERS].map((letter, digit): [string, string] => [ENGLISH[letter] ?? '', String(digit)]));
  let print = '';
  let inNumber = false;
  for (const char of braille) {
    if (char === NUMBER_SIGN) inNumber = true;
    else if (char === cell()) {
      inNumber = false;
      print += ' ';
    } else print += (inNumber ? digits : letters).get(char) ?? '?';
  }
  return print;
}

/** The dots (1-6) of one cell. */
export const dotsOf = (brailleCell: string): number[] =>
  [1, 2, 3, 4, 5, 6].filter((dot) => ((brailleCell.codePointAt(0) ?? 0x2800) - 0x2800) & (1 << (dot - 1)));

/** Every Georgian letter has its own cell (the table above, checked by tests/unit/brailleLabel.test.ts). */
export const GEORGIAN_LETTERS = Object.keys(GEORGIAN);
