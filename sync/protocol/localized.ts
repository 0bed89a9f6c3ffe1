import { z } from 'zod';
import { LANGUAGES, type Language as LanguageType, type LocalizedText as LocalizedTextType } from './languages.js';

export { LANGUAGES, pickText } from './languages.js';

export const Language = z.enum(LANGUAGES);
export type Language = LanguageType;

/** The wire schema of a LocalizedText: Georgian required, the others optional. */
export const LocalizedText = z.object({
  ka: z.string().min(1),
  en: z.string().min(1).optional(),
  ru: z.string().min(1).optional(),
  az: z.string().min(1).optional(),
  hy: z.string().min(1).optional(),
}) satisfies z.ZodType<LocalizedTextType>;
export type LocalizedText = LocalizedTextType;
