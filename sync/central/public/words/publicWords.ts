import type { Language } from '../../../protocol/languages.js';
import { az } from './az.js';
import { en } from './en.js';
import { hy } from './hy.js';
import { ka } from './ka.js';
import { ru } from './ru.js';

/** A catalogue's shape: English's keys, each language's own words (`{{name}}` marks a value filled in). */
type Words<T> = T extends string ? string : T extends readonly (infer U)[] ? readonly Words<U>[] : { readonly [K in keyof T]: Words<T[K]> };
export type PublicWords = Words<typeof en>;

/**
 * The public pages' words, one catalogue per language (issue #33): the record,
 * figures, results, receipts and indicators speak every language the kiosk
 * and the phone pages speak. Translators receive and return them as gettext
 * PO files (`npm run i18n:export`, `npm run i18n:import`); a test fails on a
 * key missing in any language or a placeholder that differs from English's.
 */
export const PUBLIC_WORDS: Readonly<Record<Language, PublicWords>> = { ka, en, ru, az, hy };

export const publicWords = (lang: Language): PublicWords => PUBLIC_WORDS[lang];
