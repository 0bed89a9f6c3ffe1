import 'i18next';
import type { Messages } from '../../sync/texts/en.js';

// Typed keys: t('home.rate') is checked against the English messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}
