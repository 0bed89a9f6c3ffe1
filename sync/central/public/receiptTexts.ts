import { fill } from '../web/fill.js';
import type { NameTable, PublicLanguage } from './publicTexts.js';
import { publicWords } from './words/publicWords.js';

/** The receipt page's words (words/<lang>.ts), placeholders filled by name; `browser` keeps `{name}` for the page's own script. */
export const receiptTexts = (lang: PublicLanguage) => {
  const words = publicWords(lang).receipt;
  return {
    ...words,
    types: words.types as NameTable,
    recorded: (what: string) => fill(words.recorded, { what }),
    included: (size: number) => fill(words.included, { size }),
    witnesses: (count: number) => fill(words.witnesses, { count }),
    proofIntro: (index: number, size: number) => fill(words.proofIntro, { index, size }),
  };
};
