import type { FastifyRequest } from 'fastify';
import { en, type ConsoleTexts } from './texts/en.js';
import { ka } from './texts/ka.js';

export type { ConsoleTexts };
export type ConsoleLanguage = 'ka' | 'en';

/** The cookie that keeps a staff member's console language (Georgian unless they chose English). */
export const CONSOLE_LANGUAGE_COOKIE = 'psh_console_lang';

export const consoleTexts = (language: ConsoleLanguage): ConsoleTexts => (language === 'en' ? en : ka);

/** The language this request's console pages are in: the staff member's choice, Georgian by default. */
export const consoleLanguageOf = (request: FastifyRequest): ConsoleLanguage =>
  request.cookies[CONSOLE_LANGUAGE_COOKIE] === 'en' ? 'en' : 'ka';

/** A stored name (a feedback status, kind, team, role) as a reader of this language knows it; English keeps the stored name. */
export const named = (names: Readonly<Record<string, string>>, value: string): string => names[value] ?? value;
