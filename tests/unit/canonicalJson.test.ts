import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../sync/protocol/canonicalJson.js';

/** The first, plainly written definition (entries, filter, sort, map, join): the fast one must give the same bytes. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('not representable');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined fields and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'ü' }], c: undefined } })).toBe('{"a":{"d":[3,{"y":"ü","z":null}]},"b":1}');
    expect(canonicalJson({ ა: 1, Z: 2, a: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":2,"a":3,"ა":1}');
  });

  it('gives the same bytes, and so the same payload hash, as the reference for any JSON value (kiosks and Central must agree)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const fast = canonicalJson(value);
        expect(fast).toBe(reference(value));
        expect(createHash('sha256').update(fast).digest('hex')).toBe(createHash('sha256').update(reference(value)).digest('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson([() => 1])).toThrow(TypeError);
  });
});
