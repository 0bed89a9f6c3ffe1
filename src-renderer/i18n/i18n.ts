import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import { flows } from '../flows/registry.js';
import type { Messages } from '../../sync/texts/en.js';

/** Each language named in itself, so a visitor finds theirs without reading any other. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ka: 'ქართული',
  en: 'English',
  ru: 'Русский',
  az: 'Azərbaycan dili',
  hy: 'Հայերեն',
};

// Each language is its own chunk: the kiosk starts with the one it greets in (and Georgian, the fallback);
// the others arrive while the attract screen waits, or when a visitor chooses one.
const LOCALES: Record<Language, () => Promise<Messages>> = {
  ka: () => import('../../sync/texts/ka.js').then((module) => module.ka),
  en: () => import('../../sync/texts/en.js').then((module) => module.en),
  ru: () => import('../../sync/texts/ru.js').then((module) => module.ru),
  az: () => import('../../sync/texts/az.js').then((module) => module.az),
  hy: () => import('../../sync/texts/hy.js').then((module) => module.hy),
};

/**
 * Starts fetching Georgian, the fallback every kiosk loads, before the kiosk
 * has said which language it greets in: the chunk then arrives while that
 * call is on its way instead of after it (the module loader keeps it for loadLanguage).
 */
export const startLoadingFallback = (): void => void LOCALES.ka();

/** Makes `language`'s texts available (with any a flow brings itself); resolves at once when they already are. */
export async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await LOCALES[language]());
  for (const flow of flows) {
    const texts = flow.texts?.[language];
    if (texts) i18next.addResourceBundle(language, 'translation', texts, true, false);
  }
}

export async function initI18n(language: Language) {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ka',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React already escapes.
    returnNull: false,
  });
  await Promise.all([loadLanguage(language), loadLanguage('ka')]);
  // Resources added after init: re-render with them.
  await i18next.changeLanguage(language);
  return i18next;
}

/** Every language's texts, ahead of need. */
export const prefetchLanguages = (languages: readonly Language[]): void => languages.forEach((language) => void loadLanguage(language));
