import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ensureElectronSqlite } from '../../scripts/lib/electronSqlite.js';
import { ka } from '../../sync/texts/ka.js';
import { readCentralSubmissions } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { KioskPage } from '../e2e/support/kioskPage.js';
import { Transcript } from '../e2e/support/transcript.js';

// The real Electron host (dist/electron main + preload, app:// protocol, IPC)
// with a real Central: a visitor turns audio mode on and rates. Needs an
// Electron binary (ELECTRON_PATH); scripts/test.ts runs this file only then.
const ROOT = join(import.meta.dirname, '..', '..');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-electron');
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop('SIGKILL')));
  dir.remove();
});

test('the Electron kiosk starts, speaks in audio mode and delivers a rating to Central', async () => {
  const executablePath = process.env.ELECTRON_PATH;
  if (!executablePath) throw new Error('ELECTRON_PATH is not set: run this through npm test, which sets it where Electron exists');
  const centralData = join(dir.path, 'central');
  const central = await startCentralProcess(centralData, await freePort());
  running.push(central);
  const transcript = new Transcript(join(dir.path, 'transcript.jsonl'));
  const config = writeKioskConfig(dir.path, central.url, { audio: { headsetIsOutput: true } });
  const app = await electron.launch({
    executablePath,
    args: [ROOT],
    cwd: ROOT,
    env: { ...process.env, PSH_KIOSK_CONFIG: config, PSH_SQLITE_BINDING: ensureElectronSqlite(), KIOSK_SPEECH_TRANSCRIPT: transcript.file },
  });
  try {
    const kioskWindow = await app.firstWindow();
    transcript.attach(kioskWindow);
    expect(kioskWindow.url()).toBe('app://kiosk/index.html');
    const visitor = new KioskPage(kioskWindow);
    await expect(visitor.heading()).toBeVisible();
    await visitor.button(`${ka.bar.audio}`).click();
    await visitor.start(ka.welcome.start);
    await visitor.chooseLanguage('ქართული');
    await visitor.button(ka.home.rate).click();
    await expect.poll(() => transcript.text()).toContain('როგორ შეაფასებდით მიღებულ მომსახურებას?');
    await visitor.rate('ძალიან კარგი');
    await visitor.button('შემდეგი').click();
    await visitor.button('გაგზავნა').click();
    await visitor.button('გაგზავნა').click();
    const code = await visitor.confirmationCode();
    await expect.poll(() => readCentralSubmissions(centralData).map((row) => row.confirmation_code), { timeout: 30_000 }).toEqual([code]);
    // The window is locked down: no new window opens, and the page has no Node.
    expect(await kioskWindow.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await kioskWindow.evaluate(() => window.open('https://example.org') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
