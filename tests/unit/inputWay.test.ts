import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../sync/protocol/languages.js';
import { hintFor } from '../../src-renderer/audio/inputWay.js';
import { az } from '../../sync/texts/az.js';
import { en } from '../../sync/texts/en.js';
import { hy } from '../../sync/texts/hy.js';
import { ka } from '../../sync/texts/ka.js';
import { ru } from '../../sync/texts/ru.js';

const LOCALES = { en, ka, ru, az, hy };

describe('spoken hints in the words of the way of input (issue #13, defect 10)', () => {
  it('every screen hint in every language says double-tap, not Enter, to a visitor exploring by touch', () => {
    for (const language of LANGUAGES) {
      for (const [screen, hint] of Object.entries(LOCALES[language].hints)) {
        const touch = hintFor(hint, language, 'touch');
        expect(touch, `${language} hints.${screen}`).not.toMatch(/Enter/);
        if (hint.includes('Enter')) expect(touch, `${language} hints.${screen}`).not.toBe(hint);
      }
    }
  });

  it('leaves the hints of a visitor on the keys as written', () => {
    expect(hintFor(ka.hints.welcome, 'ka', 'keys')).toBe(ka.hints.welcome);
    expect(hintFor(ka.hints.welcome, 'ka', 'touch')).toBe('დასაწყებად ორჯერ შეეხეთ.');
    expect(hintFor(en.hints.feedbackThanks, 'en', 'touch')).toBe('Note your code, then double-tap to finish.');
    expect(hintFor(ru.hints.welcome, 'ru', 'touch')).toBe('Коснитесь дважды, чтобы начать.');
  });
});
