import type { Language } from '../../protocol/localized.js';

/** The eSpeak NG voice for each screen language. */
export const VOICE_OF: Readonly<Record<Language, string>> = {
  ka: 'ka',
  en: 'en-us',
  ru: 'ru',
  az: 'az',
  hy: 'hy',
};
