import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { makeTempDir } from '../support/tempDir.js';

// Issue #33 item 2: PSH's translators receive the public pages' words as gettext PO files and send
// them back. The real commands run here: export, a translator changes one Russian string, import
// into a folder of catalogues, and a Central built on that catalogue shows the change on its page.
const ROOT = join(import.meta.dirname, '..', '..');
const dir = makeTempDir('i18n-round-trip');
const poDir = join(dir.path, 'po');
const wordsDir = join(dir.path, 'words');
afterAll(() => dir.remove());

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'i18n', script), ...args], { cwd: ROOT, encoding: 'utf8' });

const CHANGED = 'Публичный реестр Дома юстиции';

describe('the translators’ round trip', () => {
  it('exports PO, imports a changed string, and the page shows it', async () => {
    const exported = run('export.ts', '--dir', poDir);
    expect(exported.status, exported.stderr).toBe(0);
    const ruPo = join(poDir, 'public-ru.po');
    const before = readFileSync(ruPo, 'utf8');
    // What a translator's editor writes: the one entry's msgstr, nothing else.
    const edited = before.replace(
      'msgctxt "record.title"\nmsgid "Public record"\nmsgstr "Публичный реестр"',
      `msgctxt "record.title"\nmsgid "Public record"\nmsgstr "${CHANGED}"`,
    );
    expect(edited).not.toBe(before);
    writeFileSync(ruPo, edited);

    const imported = run('import.ts', '--from', poDir, '--to', wordsDir);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/ru\.ts: \d+ strings, 1 changed/);
    expect(imported.stdout).toMatch(/az\.ts: \d+ strings, 0 changed/);

    // Central with the imported Russian catalogue in place of the repository's.
    vi.resetModules();
    vi.doMock('../../sync/central/public/words/ru.js', () => import(join(wordsDir, 'ru.ts')));
    const { startCentral } = await import('../../sync/central/startCentral.js');
    const central = await startCentral({ dataDir: join(dir.path, 'central'), starterContent: demoContentPack });
    try {
      const russian = await (await fetch(`${central.url}/record?lang=ru`)).text();
      expect(russian).toContain(`<h1>${CHANGED}</h1>`);
      expect(await (await fetch(`${central.url}/record`)).text()).not.toContain(CHANGED);
    } finally {
      await central.close();
      vi.doUnmock('../../sync/central/public/words/ru.js');
    }
  });

  it('refuses a returned file whose placeholder is lost, naming the file and the key, and writes nothing', () => {
    const ruPo = join(poDir, 'public-ru.po');
    writeFileSync(ruPo, readFileSync(ruPo, 'utf8').replace('msgstr "Откроется {{date}}"', 'msgstr "Откроется скоро"'));
    const catalogue = readFileSync(join(wordsDir, 'ru.ts'), 'utf8');
    const imported = run('import.ts', '--from', poDir, '--to', wordsDir);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('public-ru.po');
    expect(imported.stderr).toContain('record.upcoming: placeholders [], English has ["date"]');
    expect(readFileSync(join(wordsDir, 'ru.ts'), 'utf8')).toBe(catalogue);
  });

  it('refuses a translation of English that has since changed, and one its translator marked fuzzy', () => {
    const azPo = join(poDir, 'public-az.po');
    const original = readFileSync(azPo, 'utf8');
    // As if English had said "Public register" when the file went out, and the translator was unsure of another string.
    writeFileSync(
      azPo,
      original
        .replace('msgctxt "record.title"\nmsgid "Public record"', 'msgctxt "record.title"\nmsgid "Public register"')
        .replace('msgctxt "record.entries"', '#, fuzzy\nmsgctxt "record.entries"'),
    );
    const imported = run('import.ts', '--from', poDir, '--to', wordsDir);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('record.title: translated from other English ("Public register"); English now says "Public record"');
    expect(imported.stderr).toContain('record.entries: marked fuzzy');
    writeFileSync(azPo, original);
  });
});
