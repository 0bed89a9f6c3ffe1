import { describe, expect, it } from 'vitest';
import { pronounce } from '../../src-renderer/audio/pronunciation.js';
import { spellOut } from '../../src-renderer/audio/spellOut.js';
import type { HeardLine } from '../e2e/support/transcript.js';
import { wrongVoiceLines } from '../e2e/support/voices.js';

const line = (lang: string, text: string): HeardLine => ({ t: '', lang, text, private: false, clip: '' });

describe('pronounce: every phrase in its own voice (issue #13, defect 8)', () => {
  it('says the keypad keys printed in Latin in the Georgian, Russian and Armenian voices', () => {
    expect(pronounce('დასაწყებად დააჭირეთ Enter-ს.', 'ka')).toBe('დასაწყებად დააჭირეთ ენთერ-ს.');
    expect(pronounce('Page Up და Page Down – სიჩქარე, R – გამეორება', 'ka')).toBe('ფეიჯ აფ და ფეიჯ დაუნ – სიჩქარე, არ – გამეორება');
    expect(pronounce('Нажмите Enter, чтобы начать.', 'ru')).toBe('Нажмите Энтер, чтобы начать.');
    expect(pronounce('(F1 կամ ?)', 'hy')).toBe('(Էֆ մեկ կամ ?)');
  });

  it('spells abbreviations in capitals by the letters’ names, and leaves Latin words to Latin voices', () => {
    expect(pronounce('SMS მოგივათ, ან დაასკანერეთ QR კოდი', 'ka')).toBe('ეს ემ ეს მოგივათ, ან დაასკანერეთ ქიუ არ კოდი');
    expect(pronounce('Press Enter, then R.', 'en')).toBe('Press Enter, then R.');
    expect(pronounce('Enter düyməsini basın', 'az')).toBe('Enter düyməsini basın');
    // A word in another script inside a Latin-voiced text is untouched (it would be its own part, with its lang).
    expect(pronounce('Enterprise', 'ka')).toBe('Enterprise');
  });

  it('spells a code with the letters’ names in each voice that does not read Latin', () => {
    expect(spellOut('3N6B', 'ka')).toBe('3, ენ, 6, ბი');
    expect(spellOut('3N6B', 'ru')).toBe('3, эн, 6, би');
    expect(spellOut('3N6B', 'en')).toBe('3, N, 6, B');
  });

  it('the e2e voice check flags what the kiosk used to say, and passes what it says now', () => {
    expect(wrongVoiceLines([line('ka', 'დასაწყებად დააჭირეთ Enter-ს.'), line('ru', 'Нажмите Enter')])).toHaveLength(2);
    expect(wrongVoiceLines([line('en', 'ქართული')])).toEqual(['[en] ქართული']);
    expect(wrongVoiceLines([line('ka', pronounce('დააჭირეთ Enter-ს, 5 წამი.', 'ka')), line('en', 'English')])).toEqual([]);
  });
});
