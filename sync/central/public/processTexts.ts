import { fill } from '../web/fill.js';
import type { NameTable, PublicLanguage } from './publicTexts.js';
import { publicWords } from './words/publicWords.js';

/** The process pages' and entry lists' words (words/<lang>.ts), placeholders filled by name. */
export const processTexts = (lang: PublicLanguage) => {
  const words = publicWords(lang).process;
  const { steps, next } = words;
  return {
    ...words,
    kinds: words.kinds as NameTable,
    measures: words.measures as NameTable,
    statuses: words.statuses as NameTable,
    proposalTitle: (code: string) => fill(words.proposalTitle, { code }),
    feedbackTitle: (branch: string) => fill(words.feedbackTitle, { branch }),
    asOf: (size: number) => fill(words.asOf, { size }),
    entry: (idx: number) => fill(words.entry, { idx }),
    entriesOf: (what: string) => fill(words.entriesOf, { what }),
    steps: {
      ...steps,
      published: (from: string, to: string) => fill(steps.published, { from, to }),
      changed: (version: string) => fill(steps.changed, { version }),
      arrived: (branch: string) => fill(steps.arrived, { branch }),
      milestone: (status: string, progress: number) => fill(steps.milestone, { status, progress }),
      focusGroup: (participants: number) => fill(steps.focusGroup, { participants }),
      other: (kind: string) => fill(steps.other, { kind }),
      by: (role: string) => fill(steps.by, { role }),
    },
    next: {
      ...next,
      upcoming: (date: string) => fill(next.upcoming, { date }),
      open: (date: string) => fill(next.open, { date }),
    },
  };
};
