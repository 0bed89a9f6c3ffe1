import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { en } from '../../sync/central/public/words/en.js';
import { PUBLIC_WORDS } from '../../sync/central/public/words/publicWords.js';
import { CATALOGUE_DIR, flatten, unflatten, writeCatalogue } from './catalogueFiles.js';
import { PoProblem, poFileOf, readPo, TRANSLATED } from './poFiles.js';

/**
 * `npm run i18n:import -- --from DIR`: the translators' PO files back into the
 * catalogues (sync/central/public/words/<lang>.ts). Every file is checked
 * first (each key translated, no unknown key, the same placeholders as
 * English); nothing is written while any problem remains, and each is named
 * by file and key.
 */
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from) {
  console.error('i18n:import: --from DIR is required (the folder holding public-ka.po, public-ru.po, …)');
  process.exit(2);
}
const from = resolve(values.from);
const english = flatten(en);
const to = values.to ? resolve(values.to) : CATALOGUE_DIR;
try {
  // Every file is read before any is written, and every file's problems are told at once.
  const problems: string[] = [];
  const read = TRANSLATED.flatMap((lang) => {
    try {
      return [{ lang, texts: readPo(poFileOf(from, lang), lang, english) }];
    } catch (error) {
      if (!(error instanceof PoProblem)) throw error;
      problems.push(error.message);
      return [];
    }
  });
  if (problems.length > 0) throw new PoProblem(problems.join('\n'));
  mkdirSync(to, { recursive: true });
  for (const { lang, texts } of read) {
    const before = flatten(PUBLIC_WORDS[lang]);
    const changed = [...texts].filter(([key, text]) => before.get(key) !== text).length;
    const file = await writeCatalogue(lang, unflatten(en, texts), to);
    console.log(`${file}: ${String(texts.size)} strings, ${String(changed)} changed`);
  }
} catch (error) {
  if (!(error instanceof PoProblem)) throw error;
  console.error(`i18n:import: nothing written.\n${error.message}`);
  process.exit(1);
}
