import { fill } from '../web/fill.js';
import type { NameTable, PublicLanguage } from './publicTexts.js';
import { publicWords } from './words/publicWords.js';

/** The public results, initiative and proposal pages' words (words/<lang>.ts), placeholders filled by name. */
export const participationTexts = (lang: PublicLanguage) => {
  const words = publicWords(lang).participation;
  return {
    ...words,
    proposalStatuses: words.proposalStatuses as NameTable,
    burst: (device: string, votes: number) => fill(words.burst, { device, votes }),
    refusedPhone: (refused: number) => fill(words.refusedPhone, { refused }),
    support: (rank: number, of: number, ballot: string) => fill(words.support, { rank, of, ballot }),
    noVotesYet: (ballot: string) => fill(words.noVotesYet, { ballot }),
  };
};
