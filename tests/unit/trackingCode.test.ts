import { describe, expect, it } from 'vitest';
import { formatTrackingCode, newTrackingCode, parseTrackingCode, trackingCheckChar } from '../../sync/protocol/trackingCode.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('tracking codes', () => {
  it('are 8 Crockford base32 characters whose last one checks the first seven', () => {
    for (let i = 0; i < 1000; i += 1) {
      const code = newTrackingCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(parseTrackingCode(code)).toEqual({ code });
      expect(trackingCheckChar(code.slice(0, 7))).toBe(code[7]);
    }
  });

  it('catch every single mistyped character (all positions, all 31 other characters, 100 codes)', () => {
    let caught = 0;
    for (let i = 0; i < 100; i += 1) {
      const code = newTrackingCode();
      for (let position = 0; position < 8; position += 1) {
        for (const replacement of ALPHABET) {
          if (replacement === code[position]) continue;
          const typo = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(parseTrackingCode(typo)).toEqual({ problem: 'check' });
          caught += 1;
        }
      }
    }
    expect(caught).toBe(100 * 8 * 31);
  });

  it('read what visitors type: lower case, dashes, spaces, I/L as 1 and O as 0', () => {
    const code = `1${'0'.repeat(5)}A`;
    const full = code + trackingCheckChar(code);
    expect(parseTrackingCode(formatTrackingCode(full).toLowerCase().replace('1', 'l').replace('0', 'o'))).toEqual({ code: full });
    expect(parseTrackingCode(` ${formatTrackingCode(full)} `)).toEqual({ code: full });
  });

  it('say what is wrong with something that is not a code', () => {
    expect(parseTrackingCode('ABC')).toEqual({ problem: 'length' });
    expect(parseTrackingCode('ABCDEFGHJ')).toEqual({ problem: 'length' });
    expect(parseTrackingCode('ABCD-EFU!')).toEqual({ problem: 'characters' });
    expect(parseTrackingCode('')).toEqual({ problem: 'length' });
  });
});
