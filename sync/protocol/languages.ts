/**
 * Languages and localized text without zod: the renderer imports these, and a
 * schema library in the kiosk page's bundle would cost start-up time.
 */
export const LANGUAGES = ['ka', 'en', 'ru', 'az', 'hy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A visible text in every language; only Georgian is required, the others fall back to it. */
export type LocalizedText = { readonly ka: string } & { readonly [L in Exclude<Language, 'ka'>]?: string | undefined };

export function pickText(text: LocalizedText, language: Language): string {
  return text[language] ?? text.ka;
}
