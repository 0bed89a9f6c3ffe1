import { describe, expect, it } from 'vitest';
import { pronounce } from '../../src-renderer/audio/pronunciation.js';
import { spellOut } from '../../src-renderer/audio/spellOut.js';
import type { HeardLine } from '../e2e/support/transcript.js';
import { wrongVoiceLines } from '../e2e/support/voices.js';
import { hy } from '../../sync/texts/hy.js';
import { ka } from '../../sync/texts/ka.js';
import { ru } from '../../sync/texts/ru.js';

const line = (lang: string, text: string): HeardLine => ({ t: '', lang, text, private: false, clip: '' });

/** Every string of a catalogue, with where it is. */
function sentencesOf(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => sentencesOf(inner, `${path}.${key}`));
  return [];
}

/**
 * Short words of each language a Latin letter's name can sound like: said where a key is meant, they change what
 * the sentence says (Georgian R "არ" is "not", S "ეს" "this", Z "ზედ" "on top", I "აი" "here"; Armenian S "էս" is
 * spoken "this"; Russian E "и" is "and", A "эй" "hey"), and the little words a name could be heard as. English and
 * Azerbaijani voices read Latin themselves: nothing of theirs is renamed.
 */
const SHORT_WORDS: Readonly<Record<'ka' | 'ru' | 'hy', ReadonlySet<string>>> = {
  ka: new Set(['არ', 'ეს', 'ზედ', 'აი', 'და', 'ან', 'ის', 'რომ', 'თუ', 'ვერ', 'კი', 'ნუ']),
  ru: new Set(['и', 'а', 'не', 'но', 'да', 'он', 'я', 'эй', 'ай', 'ой', 'у', 'о', 'в', 'с', 'к']),
  hy: new Set(['և', 'ու', 'է', 'ոչ', 'այո', 'էս', 'ես', 'էն']),
};
/** "letter" before a name says it is a letter's name: the word after it is not heard as a word of the sentence. */
const LETTER = { ka: 'ასო', ru: 'буква', hy: 'տառ' } as const;
/** A sentence without its {{placeholders}}: what fills them is the visitor's, said in its own way. */
const withoutPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}/gu, ' ');
const LATIN_TOKEN = /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?: (?:Up|Down))?(?![\p{L}\p{N}])/gu;

/** Where the Georgian voice says a Latin key or abbreviation of a sentence as a Georgian word, or leaves it in Latin. */
function misheardKeys(language: 'ka' | 'ru' | 'hy', path: string, sentence: string): string[] {
  const text = withoutPlaceholders(sentence);
  const misheard = [...text.matchAll(LATIN_TOKEN)].flatMap(([token]) => {
    const words = pronounce(token, language)
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
    const heard = words.filter((word, at) => SHORT_WORDS[language].has(word.toLowerCase()) && words[at - 1] !== LETTER[language]);
    return heard.map((word) => `${language}${path}: ${token} is said "${word}"`);
  });
  const latin = [...pronounce(text, language).matchAll(LATIN_TOKEN)].map(([token]) => `${language}${path}: ${token} is left in Latin`);
  return [...misheard, ...latin];
}

describe('pronounce: every phrase in its own voice (issue #13, defect 8)', () => {
  it('no sentence of the kiosk, in the voices that do not read Latin, says a key or an abbreviation as a word, nor in Latin (issue #35)', () => {
    const catalogues = { ka, ru, hy } as const;
    expect(
      (['ka', 'ru', 'hy'] as const).flatMap((language) =>
        sentencesOf(catalogues[language]).flatMap(([path, text]) => misheardKeys(language, path, text)),
      ),
    ).toEqual([]);
    // The sentence the issue heard: "R says how many characters are typed", not "does not say".
    expect(pronounce(ka.keys.gridHint, 'ka')).toContain('ასო ერ ამბობს');
  });

  it('says the keypad keys printed in Latin in the Georgian, Russian and Armenian voices', () => {
    expect(pronounce('დასაწყებად დააჭირეთ Enter-ს.', 'ka')).toBe('დასაწყებად დააჭირეთ ენთერ-ს.');
    expect(pronounce('Page Up და Page Down – სიჩქარე, R – გამეორება', 'ka')).toBe('ფეიჯ აფ და ფეიჯ დაუნ – სიჩქარე, ასო ერ – გამეორება');
    expect(pronounce('Нажмите Enter, чтобы начать.', 'ru')).toBe('Нажмите Энтер, чтобы начать.');
    expect(pronounce('(F1 կամ ?)', 'hy')).toBe('(Էֆ մեկ կամ ?)');
  });

  it('spells abbreviations in capitals by the letters’ names, and leaves Latin words to Latin voices', () => {
    expect(pronounce('SMS მოგივათ, ან დაასკანერეთ QR კოდი', 'ka')).toBe('ესემეს მოგივათ, ან დაასკანერეთ ქიუარ კოდი');
    expect(pronounce('IBM', 'ka')).toBe('აი ბი ემ');
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
