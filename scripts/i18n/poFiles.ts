import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { po, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser';
import type { Language } from '../../sync/protocol/languages.js';
import { LANGUAGE_NAMES_EN, placeholdersOf } from './catalogueFiles.js';

/** The languages translators translate into (English is the source text). */
export const TRANSLATED = ['ka', 'ru', 'az', 'hy'] as const satisfies readonly Exclude<Language, 'en'>[];
export type Translated = (typeof TRANSLATED)[number];

export const poFileOf = (dir: string, lang: Translated): string => join(dir, `public-${lang}.po`);

/**
 * One language's PO file: each string under its key (msgctxt), English as the
 * source (msgid), the language's words as the translation (msgstr), and the
 * Georgian original beside it for the other languages (PSH writes Georgian first).
 */
export function poOf(
  lang: Translated,
  english: ReadonlyMap<string, string>,
  own: ReadonlyMap<string, string>,
  georgian: ReadonlyMap<string, string>,
): Buffer {
  const translations: Record<string, Record<string, GetTextTranslation>> = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const [key, source] of english) {
    const entry: GetTextTranslation = { msgctxt: key, msgid: source, msgstr: [own.get(key) ?? ''] };
    const original = georgian.get(key);
    if (lang !== 'ka' && original !== undefined) entry.comments = { extracted: `Georgian: ${original}` };
    translations[key] = { [source]: entry };
  }
  const table: GetTextTranslations = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': 'PSH public pages',
      Language: lang,
      'Content-Type': 'text/plain; charset=UTF-8',
      'X-Source-Language': 'en',
    },
    translations,
  };
  return po.compile(table, { foldLength: 0 });
}

/** A problem in a returned PO file, named by file and key: nothing is written while any remains. */
export class PoProblem extends Error {}

/**
 * A returned PO file's strings by key, checked against English: every key
 * translated from today's English text and not marked fuzzy, no key English
 * does not have, the same `{{placeholders}}`.
 */
export function readPo(file: string, lang: Translated, english: ReadonlyMap<string, string>): Map<string, string> {
  if (!existsSync(file)) throw new PoProblem(`${file}: missing (the ${LANGUAGE_NAMES_EN[lang]} catalogue)`);
  const parsed = po.parse(readFileSync(file));
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const [context, entries] of Object.entries(parsed.translations)) {
    if (context === '') continue; // the header
    for (const entry of Object.values(entries)) {
      const text = entry.msgstr[0] ?? '';
      if (!english.has(context)) problems.push(`${context}: no such key in the English catalogue`);
      else if (text.trim() === '') problems.push(`${context}: not translated`);
      else if (entry.comments?.flag?.includes('fuzzy')) problems.push(`${context}: marked fuzzy (the translator was not sure)`);
      else if (entry.msgid !== english.get(context))
        problems.push(
          `${context}: translated from other English ("${entry.msgid}"); English now says "${english.get(context) ?? ''}": export again`,
        );
      else if (placeholdersOf(text).join() !== placeholdersOf(english.get(context) ?? '').join())
        problems.push(
          `${context}: placeholders ${JSON.stringify(placeholdersOf(text))}, English has ${JSON.stringify(placeholdersOf(english.get(context) ?? ''))}`,
        );
      else texts.set(context, text);
    }
  }
  for (const key of english.keys()) if (!parsed.translations[key]) problems.push(`${key}: missing`);
  if (problems.length > 0) throw new PoProblem(`${file}:\n  ${problems.join('\n  ')}`);
  return texts;
}
