import type { Messages } from '../../../sync/texts/en.js';
import { en } from '../../../sync/texts/en.js';
import { ka } from '../../../sync/texts/ka.js';
import { ru } from '../../../sync/texts/ru.js';

export const MODES = ['normal', 'audio', 'large-text', 'high-contrast'] as const;
export type Mode = (typeof MODES)[number];

export interface ScreenRun {
  readonly code: 'ka' | 'en' | 'ru';
  /** The language's name on the language screen. */
  readonly name: string;
  readonly m: Messages;
  readonly mode: Mode;
}

/**
 * The language × mode runs of the screen suites. Georgian and English in
 * every mode; Russian, the longest texts, where length matters (normal and
 * large text). Colours (high contrast) and audio mode's badge and pressed
 * button are the same in every language, so a Russian run of those would
 * check nothing the Georgian and English runs do not, and it cost two of the
 * suite's 12 minutes.
 */
export const SCREEN_RUNS: readonly ScreenRun[] = [
  ...MODES.map((mode) => ({ code: 'ka' as const, name: 'ქართული', m: ka, mode })),
  ...MODES.map((mode) => ({ code: 'en' as const, name: 'English', m: en, mode })),
  ...(['normal', 'large-text'] as const).map((mode) => ({ code: 'ru' as const, name: 'Русский', m: ru, mode })),
];
