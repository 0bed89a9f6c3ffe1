import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { ka } from '../../sync/texts/ka.js';
import { fileCaptureAsoundrc, sineRaw } from '../support/audioAnalysis.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { KioskPage } from './support/kioskPage.js';
import { SCREEN_RUNS, type Mode } from './support/screenRuns.js';
import { expectLargeTargets, expectNothingHidden } from './support/screenChecks.js';

// Every kiosk screen, in ka and en in each mode (normal, audio, large
// text, high contrast) and in ru where text length matters (support/screenRuns.ts):
// checked by axe (ACCESSIBILITY.md item 26) and saved as a screenshot
// (var/screenshots/) for people to look at.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-screens');
let kioskUrl = '';

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const central = await startCentralProcess(join(dir.path, 'central'), await freePort());
  running.push(central);
  // The "microphone" is ALSA's file plugin playing a tone (no microphone on test machines).
  writeFileSync(join(dir.path, 'tone.raw'), sineRaw(440, 3));
  writeFileSync(join(dir.path, '.asoundrc'), fileCaptureAsoundrc('pshtone', join(dir.path, 'tone.raw')));
  // Short idle timeout so the warning can be reached with the page clock; no headset, so audio mode asks about privacy.
  const config = writeKioskConfig(dir.path, central.url, {
    idleTimeoutSec: 30,
    idleWarningSec: 20,
    audio: { inputDevice: 'pshtone', headsetIsOutput: false },
  });
  const kiosk = await startKioskProcess(config, { HOME: dir.path });
  running.push(kiosk);
  kioskUrl = kiosk.url;
});
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

for (const { code, name, m, mode } of SCREEN_RUNS) {
  test(`every screen in ${code}, ${mode}: accessible and photographed`, async ({ page }) => {
    const photograph = code !== 'ru'; // ru is checked by axe; photographs are kept for ka and en
    const snap = async (screen: string) => {
      const label = `${code}-${mode}-${screen}`;
      await page.evaluate(() => document.fonts.ready);
      await expectNoAxeViolations(page, label);
      await expectLargeTargets(page, label);
      await expectNothingHidden(page, label, mode === 'large-text');
      if (photograph) await page.screenshot({ path: join(SHOTS, `${label}.png`) });
    };
    const modeButton: Record<Exclude<Mode, 'normal'>, string> = {
      audio: `${ka.bar.audio}`,
      'large-text': `${ka.bar.largeText}`,
      'high-contrast': `${ka.bar.highContrast}`,
    };
    const rating = (index: number) => demoContentPack.rating.labels[index]?.[code] ?? '';

    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open(kioskUrl);
    if (mode !== 'normal') {
      await kiosk.button(modeButton[mode]).click();
      await expect(kiosk.button(modeButton[mode])).toHaveAttribute('aria-pressed', 'true');
    }
    if (mode === 'audio') {
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap('00-privacy-prompt');
      await kiosk.button(ka.audio.keepPrivate).click();
    }
    await snap('01-welcome');
    await kiosk.start(ka.welcome.start);
    await snap('02-language');
    await kiosk.chooseLanguage(name);
    await expect(kiosk.heading()).toHaveText(m.home.title);
    await snap('03-home');
    await kiosk.button(`${m.bar.help}`).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await snap('04-help');
    await kiosk.button(m.help.close).click();
    await kiosk.button(m.home.rate).click();
    await snap('05-rating');
    await kiosk.button(m.rating.next).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await snap('06-rating-error');
    await kiosk.rate(rating(3));
    await kiosk.button(m.rating.next).click();
    await snap('07-comment');

    // The voice message: recording (meter), then recorded (listen, again, delete).
    await kiosk.button(`${m.voice.record}`).click();
    await expect(page.getByRole('meter')).toBeVisible();
    await snap('08-recording');
    await kiosk.button(`${m.voice.stop}`).click();
    await expect(kiosk.button(`${m.voice.listen}`)).toBeVisible();
    await snap('09-recorded');

    // Idle: the warning appears after the timeout, counts down, and Continue keeps the visitor's place.
    await page.clock.fastForward(31_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expect(page.getByRole('heading', { name: m.idle.title })).toBeVisible();
    await snap('10-idle-warning');
    await kiosk.button(m.idle.continue).click();
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await expect(page.getByRole('textbox')).toBeVisible();

    await kiosk.typeOnScreen(code === 'en' ? 'ok' : code === 'ru' ? 'да' : 'კი', m.keys.space);
    await kiosk.button(m.comment.send).click();
    await expect(kiosk.heading()).toHaveText(m.review.title);
    await snap('11-review');
    await kiosk.button(m.review.send).click();
    await kiosk.confirmationCode();
    await snap('12-thanks');

    // Left alone on the thank-you screen, the kiosk resets to the welcome screen, every mode off.
    await page.clock.fastForward(31_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.clock.fastForward(21_000);
    await expect(kiosk.button(ka.welcome.start)).toBeVisible();
    await expect(page.locator('.kiosk')).toHaveAttribute('class', 'kiosk');
  });
}
