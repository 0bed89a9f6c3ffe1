import { fill } from '../web/fill.js';
import type { PublicLanguage } from './publicTexts.js';
import { publicWords } from './words/publicWords.js';

/** The public record's home page words (words/<lang>.ts), placeholders filled by name. */
export const recordTexts = (lang: PublicLanguage) => {
  const words = publicWords(lang).record;
  return {
    ...words,
    lastWitnessed: (size: number, count: number) => fill(words.lastWitnessed, { size, count }),
    upcoming: (date: string) => fill(words.upcoming, { date }),
    open: (date: string) => fill(words.open, { date }),
    closed: (date: string) => fill(words.closed, { date }),
    answeredInTime: (inTime: number, due: number) => fill(words.answeredInTime, { inTime, due }),
  };
};
