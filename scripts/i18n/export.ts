import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { en } from '../../sync/central/public/words/en.js';
import { PUBLIC_WORDS } from '../../sync/central/public/words/publicWords.js';
import { flatten } from './catalogueFiles.js';
import { poFileOf, poOf, TRANSLATED } from './poFiles.js';

/**
 * `npm run i18n:export [-- --dir DIR]`: the public pages' catalogues as one
 * gettext PO file per language (public-ka.po, public-ru.po, …), for PSH's
 * translators and any PO editor (Poedit, Weblate). English is the source text.
 */
const { values } = parseArgs({ options: { dir: { type: 'string', default: 'var/i18n' } } });
const dir = resolve(values.dir);
mkdirSync(dir, { recursive: true });
const english = flatten(en);
const georgian = flatten(PUBLIC_WORDS.ka);
for (const lang of TRANSLATED) {
  const file = poFileOf(dir, lang);
  writeFileSync(file, poOf(lang, english, flatten(PUBLIC_WORDS[lang]), georgian));
  console.log(`${file}: ${String(english.size)} strings`);
}
