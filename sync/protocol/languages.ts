/**
 * Languages and localized text without zod: the renderer imports these, and a
 * schema library in the kiosk page's bundle would cost start-up time.
 */
export const LANGUAGES = ['ka', 'en', 'ru', 'az', 'hy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The names of the languages, each in itself: a language list shows every one, whatever the page's language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  ka: 'ქართული',
  en: 'English',
  ru: 'Русский',
  az: 'Azərbaycanca',
  hy: 'Հայերեն',
};

/** A visible text in every language; only Georgian is required, the others fall back to it. */
export type LocalizedText = { readonly ka: string } & { readonly [L in Exclude<Language, 'ka'>]?: string | undefined };

export function pickText(text: LocalizedText, language: Language): string {
  return text[language] ?? text.ka;
}

/**
 * For the public pages' readers, who may not read Georgian script: a text in
 * their language, else in English (the branch table names branches only in
 * Georgian and English, and Russian, Azerbaijani and Armenian readers read
 * Latin letters more often than Mkhedruli), else in Georgian.
 */
export function pickReadable(text: LocalizedText, language: Language): string {
  return text[language] ?? (language === 'ka' ? undefined : text.en) ?? text.ka;
}
