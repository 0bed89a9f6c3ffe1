import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startAudioKiosk, type AudioKiosk } from './support/audioKiosk.js';
import { KioskPage } from './support/kioskPage.js';

// A flow is one folder: tests/fixtures/flows/throwaway declares its screens, draft, actions, tile and texts,
// and nothing else in the renderer knows it. The flow-fixture test build adds it through the registry; this
// test finds it on the home screen, hears it in audio mode and uses its draft, through the real shell.
const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE_BUILD = join(ROOT, 'var', 'test-builds', 'renderer-flow-fixture');
let kiosk: AudioKiosk;

test.beforeAll(async () => {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'src-renderer/vite.config.ts',
      '--mode',
      'flow-fixture',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  kiosk = await startAudioKiosk('e2e-flow-registry', {}, ['--renderer', FIXTURE_BUILD]);
});
test.afterAll(async () => kiosk.stop());

const builtText = (dir: string) =>
  readdirSync(join(dir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, 'assets', file), 'utf8'))
    .join('\n');

const focusedName = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

test('a throwaway flow added as a folder appears on the home screen, is spoken, and keeps its draft', async ({ page }) => {
  // The normal build never carries the fixture; the test build does.
  expect(builtText(join(ROOT, 'dist', 'renderer'))).not.toContain('Throwaway flow');
  expect(builtText(FIXTURE_BUILD)).toContain('Throwaway flow');

  const { transcript } = kiosk;
  transcript.attach(page);
  const heard = () => transcript.text();
  const kioskPage = new KioskPage(page);
  await kioskPage.open(kiosk.url);
  await kioskPage.start('დაწყება');
  await kioskPage.chooseLanguage('English');
  await expect(kioskPage.heading()).toHaveText('What would you like to do?');

  // Last of the home tiles, after the seven real flows.
  const tiles = page.locator('.tiles button');
  await expect(tiles).toHaveCount(8);
  await expect(tiles.last()).toHaveText('Throwaway flow');
  await expect(tiles.first()).toHaveText('Rate the service you received');

  // In audio mode the tile is spoken like any other, with its role.
  await kioskPage.button('Audio').click();
  await transcript.checkpoint();
  for (let presses = 0; presses < 40 && (await focusedName(page)) !== 'Throwaway flow'; presses += 1)
    await page.keyboard.press('ArrowDown');
  await expect.poll(heard).toContain('Throwaway flow, button');
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText('Throwaway screen');
  await expect.poll(heard).toContain('Throwaway screen');

  // Its draft lives in the shell's state through its own action; Back and help work as for every flow.
  await kioskPage.button('Tap me').click();
  await kioskPage.button('Tap me').click();
  await expect(page.getByText('Tapped 2 times').first()).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog')).toContainText('This is a test screen.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(kioskPage.heading()).toHaveText('What would you like to do?');
});
