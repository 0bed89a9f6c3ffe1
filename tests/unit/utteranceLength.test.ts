import { describe, expect, it } from 'vitest';
import { ka } from '../../sync/texts/ka.js';
import { MAX_UTTERANCE_CHARS, splitUtterance } from '../../src-renderer/audio/utteranceLength.js';

describe('phrases short enough to be cut without losing the rest', () => {
  it('keeps a short phrase whole and cuts a long one between sentences, each piece within the limit', () => {
    expect(splitUtterance('მოკლე ფრაზა.')).toEqual(['მოკლე ფრაზა.']);
    const long = `${ka.audio.on} ${ka.audio.privacyTitle}. ${ka.audio.privacyBody}`;
    expect(long.length).toBeGreaterThan(MAX_UTTERANCE_CHARS);
    const pieces = splitUtterance(long);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
    // Nothing lost, nothing reordered, and every cut falls after a sentence's end.
    expect(pieces.join(' ')).toBe(long.replace(/\s+/g, ' '));
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[.!?։…]$/u);
  });

  it('cuts a sentence longer than the limit at a comma, and a text without any at a space', () => {
    const clauses = Array.from({ length: 12 }, (_, index) => `ნაწილი ნომერი ${String(index)}`).join(', ');
    for (const piece of splitUtterance(clauses)) expect(piece.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
    const words = Array.from({ length: 60 }, () => 'სიტყვა').join(' ');
    const pieces = splitUtterance(words);
    expect(pieces.join(' ')).toBe(words);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
  });
});
