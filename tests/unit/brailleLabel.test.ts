import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromBraille, GEORGIAN_LETTERS, toBraille } from '../../scripts/lib/braille.js';
import { BRAILLE_MM, enclosureLabelSvg, LABEL_LINES } from '../../scripts/lib/enclosureLabel.js';

const LABEL_FILE = join(import.meta.dirname, '..', '..', 'assets', 'enclosure', 'audio-mode-label.svg');
const MODERN_GEORGIAN = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ';

/** Reads the raised dots back from the SVG, as a finger would: lines, cells, dots, then Braille text. */
function readDots(svg: string): string[] {
  const layer = /<g id="braille-dots"[^>]*>([\s\S]*?)<\/g>/u.exec(svg)?.[1] ?? '';
  const dots = [...layer.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"\/>/gu)].map(([, x, y, r]) => ({
    x: Number(x),
    y: Number(y),
    r: Number(r),
  }));
  const left = Math.min(...dots.map((dot) => dot.x));
  const top = Math.min(...dots.map((dot) => dot.y));
  const lines: number[][] = [];
  for (const dot of dots) {
    // Each dot must sit exactly on the grid the spacing rules give: line, row in the cell, cell, column.
    const line = Math.floor((dot.y - top + 0.01) / BRAILLE_MM.linePitch);
    const row = (dot.y - top - line * BRAILLE_MM.linePitch) / BRAILLE_MM.dotSpacing;
    const cell = Math.floor((dot.x - left + 0.01) / BRAILLE_MM.cellPitch);
    const column = (dot.x - left - cell * BRAILLE_MM.cellPitch) / BRAILLE_MM.dotSpacing;
    expect([row, column].map((value) => Math.abs(value - Math.round(value)) < 0.01)).toEqual([true, true]);
    expect(dot.r * 2).toBe(BRAILLE_MM.dotDiameter);
    const cells = (lines[line] ??= []);
    while (cells.length <= cell) cells.push(0);
    cells[cell] = (cells[cell] ?? 0) | (1 << (Math.round(row) + 3 * Math.round(column)));
  }
  return lines.map((cells) => cells.map((bits) => String.fromCodePoint(0x2800 + bits)).join(''));
}

describe('the enclosure label that tells how to start audio mode, in Braille (ADA 707.8, issue #35)', () => {
  it('gives each of the 33 Georgian letters its own cell, and reads back what it wrote', () => {
    expect([...GEORGIAN_LETTERS].sort()).toEqual([...MODERN_GEORGIAN].sort());
    const cells = [...MODERN_GEORGIAN].map((letter) => toBraille(letter, 'ka'));
    expect(new Set(cells).size).toBe(33);
    // The label's first word, cell by cell as UNESCO's World Braille Usage (2013) prints Georgian Braille.
    expect(toBraille('ხმისთვის', 'ka')).toBe('⠓⠍⠊⠎⠋⠺⠊⠎');
    expect(toBraille('help 2', 'en')).toBe('⠓⠑⠇⠏⠀⠼⠃');
    for (const { code, print } of LABEL_LINES) expect(fromBraille(toBraille(print, code), code)).toBe(print);
    // A character the code here does not cover is refused, not guessed.
    expect(() => toBraille('ხმა!', 'ka')).toThrow('no cell for "!"');
  });

  it('keeps the spacing of ADA 703.3 and Marburg Medium', () => {
    expect(BRAILLE_MM.dotDiameter).toBeGreaterThanOrEqual(1.5);
    expect(BRAILLE_MM.dotDiameter).toBeLessThanOrEqual(1.6);
    expect(BRAILLE_MM.dotSpacing).toBeGreaterThanOrEqual(2.3);
    expect(BRAILLE_MM.dotSpacing).toBeLessThanOrEqual(2.5);
    expect(BRAILLE_MM.cellPitch).toBeGreaterThanOrEqual(6.1);
    expect(BRAILLE_MM.cellPitch).toBeLessThanOrEqual(7.6);
    expect(BRAILLE_MM.linePitch).toBeGreaterThanOrEqual(10);
    expect(BRAILLE_MM.linePitch).toBeLessThanOrEqual(10.2);
  });

  it('the printable file in assets/ is the one the generator writes, and its dots say the print lines', () => {
    const svg = readFileSync(LABEL_FILE, 'utf8');
    expect(svg).toBe(enclosureLabelSvg());
    expect(readDots(svg).map((line, at) => fromBraille(line, LABEL_LINES[at]?.code ?? 'ka').trimEnd())).toEqual(
      LABEL_LINES.map((line) => line.print),
    );
    expect(svg).toContain('width="131mm"');
  });
});
