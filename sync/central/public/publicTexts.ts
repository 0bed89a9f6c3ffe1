import { LANGUAGES, type Language } from '../../protocol/languages.js';
import { az } from '../../texts/az.js';
import { en } from '../../texts/en.js';
import { hy } from '../../texts/hy.js';
import { ka } from '../../texts/ka.js';
import { ru } from '../../texts/ru.js';
import { fill } from '../web/fill.js';
import { publicWords } from './words/publicWords.js';

/** The public pages speak the kiosk's five languages; Georgian is the default, `?lang=` switches. */
export type PublicLanguage = Language;

/** A table of names looked up by a stored value (a status, a channel): an unknown one falls back to the value itself. */
export type NameTable = Readonly<Record<string, string>>;

/** The kiosk's own words for a feedback's status: its tracking screen and this page say them alike. */
const TRACKING = { ka, en, ru, az, hy } as const;

/** The public site's frame and the feedback status and figures pages' words (words/<lang>.ts), placeholders filled by name. */
export const publicTexts = (lang: PublicLanguage) => {
  const words = publicWords(lang).site;
  return {
    ...words,
    statuses: TRACKING[lang].track.statuses as NameTable,
    kinds: words.kinds as NameTable,
    channels: words.channels as NameTable,
    statusTitle: (code: string) => fill(words.statusTitle, { code }),
  };
};
export type PublicTexts = ReturnType<typeof publicTexts>;

/** A public path in the reader's language: Georgian is the default and needs no `?lang=`. */
export const withLang = (lang: PublicLanguage, path: string): string =>
  lang === 'ka' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

/** The page's language from `?lang=`: one of the five, or Georgian. */
export const publicLanguageOf = (query: unknown): PublicLanguage => {
  const asked = typeof query === 'object' && query !== null ? (query as { lang?: unknown }).lang : undefined;
  return LANGUAGES.find((lang) => lang === asked) ?? 'ka';
};
