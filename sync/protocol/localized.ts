import { z } from 'zod';

/** The five languages a kiosk speaks; Georgian is the one that must always be present. */
export const LANGUAGES = ['ka', 'en', 'ru', 'az', 'hy'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** A visible text in every language; only Georgian is required, the others fall back to it. */
export const LocalizedText = z.object({
  ka: z.string().min(1),
  en: z.string().min(1).optional(),
  ru: z.string().min(1).optional(),
  az: z.string().min(1).optional(),
  hy: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export function pickText(text: LocalizedText, language: Language): string {
  return text[language] ?? text.ka;
}
