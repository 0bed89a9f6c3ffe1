import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Language } from '../../sync/protocol/languages.js';

/** Where the public pages' catalogues live: one TypeScript module per language, data only. */
export const CATALOGUE_DIR = join(import.meta.dirname, '..', '..', 'sync', 'central', 'public', 'words');

export const LANGUAGE_NAMES_EN: Readonly<Record<Language, string>> = {
  ka: 'Georgian',
  en: 'English',
  ru: 'Russian',
  az: 'Azerbaijani',
  hy: 'Armenian',
};

/** A catalogue as its translators see it: every string under its dotted key (arrays by index), in English's order. */
export function flatten(words: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof words === 'string') return out.set(prefix, words);
  for (const [key, value] of Object.entries(words as Record<string, unknown>))
    for (const [path, text] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  return out;
}

/** The catalogue again, in the shape of `shape` (English's), its strings taken from `texts` by key. */
export function unflatten(shape: unknown, texts: ReadonlyMap<string, string>, prefix = ''): unknown {
  if (typeof shape === 'string') {
    const text = texts.get(prefix);
    if (text === undefined) throw new Error(`no text for ${prefix}`);
    return text;
  }
  const child = (key: string | number) => (prefix ? `${prefix}.${String(key)}` : String(key));
  if (Array.isArray(shape)) return shape.map((item, index) => unflatten(item, texts, child(index)));
  return Object.fromEntries(
    Object.entries(shape as Record<string, unknown>).map(([key, value]) => [key, unflatten(value, texts, child(key))]),
  );
}

/** The values a string fills in: `{{name}}` (the server's) or `{name}` (the receipt page's own script). */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{\{?(\w+)\}?\}/g)].map((match) => match[1] ?? '').sort();

/** Writes a language's catalogue module (never English's: English is the shape, edited by hand). */
export async function writeCatalogue(lang: Exclude<Language, 'en'>, words: unknown, dir = CATALOGUE_DIR): Promise<string> {
  const file = join(dir, `${lang}.ts`);
  const source = `import type { PublicWords } from './publicWords.js';

/** The public pages' words in ${LANGUAGE_NAMES_EN[lang]}. Written by \`npm run i18n:import\` from the translators' PO file; edit there or here. */
export const ${lang}: PublicWords = ${JSON.stringify(words, null, 2)};
`;
  // The repository's own Prettier settings, wherever the file goes (a test writes to a temporary folder).
  const settings = await resolveConfig(join(CATALOGUE_DIR, `${lang}.ts`));
  writeFileSync(file, await format(source, { ...settings, filepath: file }));
  return file;
}
