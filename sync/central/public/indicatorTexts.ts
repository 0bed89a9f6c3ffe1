import type { IndicatorId } from '../services/record/indicators.js';
import { fill } from '../web/fill.js';
import type { PublicLanguage } from './publicTexts.js';
import { publicWords } from './words/publicWords.js';

/** The indicators page's words (words/<lang>.ts), each indicator as GE0067 states it, placeholders filled by name. */
export const indicatorTexts = (lang: PublicLanguage) => {
  const words = publicWords(lang).indicators;
  return {
    ...words,
    asOf: (size: number) => fill(words.asOf, { size }),
    atLeast: (value: string) => fill(words.atLeast, { value }),
    about: (value: string) => fill(words.about, { value }),
    basis: (id: IndicatorId, n: number) => fill(words.basis[id], { n }),
    parts: (submissions: number, focusGroups: number) => fill(words.parts, { submissions, focusGroups }),
  };
};
