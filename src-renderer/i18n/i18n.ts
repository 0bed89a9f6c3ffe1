import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import { az } from './locales/az.js';
import { en } from './locales/en.js';
import { hy } from './locales/hy.js';
import { ka } from './locales/ka.js';
import { ru } from './locales/ru.js';

/** Each language named in itself, so a visitor finds theirs without reading any other. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ka: 'ქართული',
  en: 'English',
  ru: 'Русский',
  az: 'Azərbaycan dili',
  hy: 'Հայերեն',
};

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ka',
    resources: {
      ka: { translation: ka },
      en: { translation: en },
      ru: { translation: ru },
      az: { translation: az },
      hy: { translation: hy },
    },
    interpolation: { escapeValue: false }, // React already escapes.
    returnNull: false,
  });
  return i18next;
}
