import { dotsOf, toBraille, type BrailleCode } from './braille.js';

/**
 * The tactile label that tells a blind visitor how to start audio mode (ADA
 * 707.8, EZ Access): fixed directly below the Help key of the keypad, its top
 * edge within 10 mm of the key, so a hand that finds the key finds the label.
 * Print for a sighted helper above, Braille below, Georgian first.
 */
export const LABEL_LINES: ReadonlyArray<{ readonly code: BrailleCode; readonly print: string }> = [
  { code: 'ka', print: 'ხმისთვის დააჭირეთ' },
  { code: 'ka', print: 'დახმარებას 2 წამით' },
  { code: 'en', print: 'for audio hold' },
  { code: 'en', print: 'help 2 seconds' },
];

/** Braille geometry in mm, inside ADA 703.3 (and the Marburg Medium spacing of European signage). */
export const BRAILLE_MM = {
  /** Dot base diameter: 1.5-1.6. */
  dotDiameter: 1.5,
  /** Between dots of one cell: 2.3-2.5. */
  dotSpacing: 2.5,
  /** Between the same dots of neighbouring cells: 6.1-7.6. */
  cellPitch: 6.2,
  /** Between the same dots of neighbouring lines: 10.0-10.2. */
  linePitch: 10,
} as const;

const MARGIN = 8;
const PRINT_SIZE = 5;
const PRINT_LEADING = 7;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const mm = (value: number) => Number(value.toFixed(2)).toString();

/** The dots of one Braille line as SVG circles, its first cell's dot 1 at (x, y). */
function brailleLine(braille: string, x: number, y: number): string[] {
  const { dotDiameter, dotSpacing, cellPitch } = BRAILLE_MM;
  return [...braille].flatMap((brailleCell, at) =>
    dotsOf(brailleCell).map((dot) => {
      const column = dot > 3 ? 1 : 0;
      const row = (dot - 1) % 3;
      return `<circle cx="${mm(x + at * cellPitch + column * dotSpacing)}" cy="${mm(y + row * dotSpacing)}" r="${mm(dotDiameter / 2)}"/>`;
    }),
  );
}

/** The printable label: SVG in millimetres, the raised dots in their own layer for the tactile printer or embosser. */
export function enclosureLabelSvg(): string {
  const braille = LABEL_LINES.map((line) => toBraille(line.print, line.code));
  const cells = Math.max(...braille.map((line) => [...line].length));
  const width = Math.ceil(2 * MARGIN + (cells - 1) * BRAILLE_MM.cellPitch + BRAILLE_MM.dotSpacing);
  const printTop = MARGIN + PRINT_SIZE;
  const brailleTop = printTop + LABEL_LINES.length * PRINT_LEADING + 4;
  const height = Math.ceil(brailleTop + (LABEL_LINES.length - 1) * BRAILLE_MM.linePitch + 2 * BRAILLE_MM.dotSpacing + MARGIN);
  const print = LABEL_LINES.map(
    (line, at) => `<text x="${mm(MARGIN)}" y="${mm(printTop + at * PRINT_LEADING)}" lang="${line.code}">${escape(line.print)}</text>`,
  );
  const dots = braille.flatMap((line, at) => brailleLine(line, MARGIN, brailleTop + at * BRAILLE_MM.linePitch));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}mm" height="${String(height)}mm" viewBox="0 0 ${String(width)} ${String(height)}">`,
    `<title>Audio mode: hold the Help key for 2 seconds (Georgian and English, print and Braille)</title>`,
    `<rect width="${String(width)}" height="${String(height)}" rx="3" fill="#ffffff" stroke="#000000" stroke-width="0.3"/>`,
    // A raised triangle at the top edge points up to the Help key above the label.
    `<path id="tactile-arrow" d="M ${mm(width / 2 - 4)} 6 L ${mm(width / 2)} 2 L ${mm(width / 2 + 4)} 6 Z" fill="#000000"/>`,
    `<g id="print" font-family="Noto Sans Georgian, Noto Sans, sans-serif" font-size="${String(PRINT_SIZE)}" font-weight="700" fill="#000000">`,
    ...print,
    `</g>`,
    `<g id="braille-dots" fill="#000000">`,
    ...dots,
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}
