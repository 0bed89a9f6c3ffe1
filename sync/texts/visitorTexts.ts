import type { Language } from '../protocol/languages.js';
import { az } from './az.js';
import { en, type Messages } from './en.js';
import { hy } from './hy.js';
import { ka } from './ka.js';
import { ru } from './ru.js';

/** The visitor's words in every language, for Central's pages (the phone flows, a feedback's status on the web). */
export const VISITOR_TEXTS: Readonly<Record<Language, Messages>> = { ka, en, ru, az, hy };
