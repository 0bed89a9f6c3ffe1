import { LANGUAGES, type Language } from '../../protocol/languages.js';
import { VISITOR_TEXTS } from '../../texts/visitorTexts.js';
import { fill } from '../web/fill.js';
import { publicWords } from './words/publicWords.js';

/** The public pages speak the kiosk's five languages; Georgian is the default, `?lang=` switches. */
export type PublicLanguage = Language;

/** A table of names looked up by a stored value (a status, a channel): an unknown one falls back to the value itself. */
export type NameTable = Readonly<Record<string, string>>;

/** The public site's frame and the feedback status and figures pages' words (words/<lang>.ts), placeholders filled by name. */
export const publicTexts = (lang: PublicLanguage) => {
  const words = publicWords(lang).site;
  return {
    ...words,
    // A feedback's status in the kiosk's own words: its tracking screen and this page say them alike.
    statuses: VISITOR_TEXTS[lang].track.statuses as NameTable,
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
