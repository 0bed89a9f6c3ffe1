import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ka } from '../../sync/texts/ka.js';
import { fileCaptureAsoundrc, sineRaw } from '../support/audioAnalysis.js';
import { queryCentral } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { KioskPage } from './support/kioskPage.js';
import { SCREEN_RUNS } from './support/screenRuns.js';
import { expectLargeTargets, expectNothingHidden } from './support/screenChecks.js';

// The feedback and tracking screens, in the runs of support/screenRuns.ts: axe,
// 72 px targets, nothing cut off, and screenshots (ka, en) in var/screenshots.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-feedback-screens');
const centralData = join(dir.path, 'central');
let kioskUrl = '';

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Demo data: answered feedback to look up on the status screens.
  running.push(await startCentralProcess(centralData, await freePort(), {}, ['--demo-data']));
  writeFileSync(join(dir.path, 'tone.raw'), sineRaw(440, 3));
  writeFileSync(join(dir.path, '.asoundrc'), fileCaptureAsoundrc('pshtone', join(dir.path, 'tone.raw')));
  const central = running[0];
  if (!central) throw new Error('Central did not start');
  const config = writeKioskConfig(dir.path, central.url, { audio: { inputDevice: 'pshtone', headsetIsOutput: true } });
  const kiosk = await startKioskProcess(config, { HOME: dir.path });
  running.push(kiosk);
  kioskUrl = kiosk.url;
  // Contact details need Central's sealing key, which the kiosk receives when it enrols (the demo's own kiosks are enrolled already).
  await expect
    .poll(() => queryCentral<{ n: number }>(centralData, "SELECT count(*) AS n FROM devices WHERE kiosk_id = 'e2e-kiosk-01'")[0]?.n, {
      timeout: 30_000,
    })
    .toBe(1);
});
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

const MODE_BUTTON = {
  audio: `${ka.bar.audio}`,
  'large-text': `${ka.bar.largeText}`,
  'high-contrast': `${ka.bar.highContrast}`,
} as const;

for (const { code, name, m, mode } of SCREEN_RUNS) {
  test(`feedback and tracking screens in ${code}, ${mode}: accessible and photographed`, async ({ page }) => {
    const snap = async (screen: string) => {
      const label = `${code}-${mode}-feedback-${screen}`;
      await page.evaluate(() => document.fonts.ready);
      // Photographed first, so a failing check leaves the picture of what failed.
      if (code !== 'ru') await page.screenshot({ path: join(SHOTS, `${label}.png`) });
      await expectNoAxeViolations(page, label);
      await expectLargeTargets(page, label);
      await expectNothingHidden(page, label, mode === 'large-text');
    };
    const kiosk = new KioskPage(page);
    await kiosk.open(kioskUrl);
    if (mode !== 'normal') await kiosk.button(MODE_BUTTON[mode]).click();
    await kiosk.start(ka.welcome.start);
    await kiosk.chooseLanguage(name);
    await kiosk.button(m.home.feedback).click();
    await expect(kiosk.heading()).toHaveText(m.feedback.kindTitle);
    await snap('01-kind');
    await kiosk.button(m.feedback.kinds.suggestion).click();
    await expect(kiosk.heading()).toHaveText(m.feedback.serviceTitle);
    await snap('02-service');
    await kiosk.button(m.feedback.next).click();
    await kiosk.button(m.feedback.next).click(); // nothing typed or recorded yet
    await expect(page.getByRole('alert')).toHaveText(m.feedback.messageRequired);
    await snap('03-message-error');
    await page
      .getByRole('textbox', { name: m.feedback.messageLabel })
      .fill(
        code === 'en'
          ? 'More seats near the passport desk, please.'
          : code === 'ru'
            ? 'Больше стульев, пожалуйста.'
            : 'მეტი სკამი, გთხოვთ.',
      );
    await kiosk.button(m.feedback.next).click();
    await expect(kiosk.heading()).toHaveText(m.feedback.contactTitle);
    await kiosk.typeOnScreen('55512', m.keys.space);
    await kiosk.button(m.feedback.next).click();
    await expect(page.getByRole('alert')).toHaveText(m.feedback.invalidPhone);
    await snap('04-contact-error');
    await kiosk.typeOnScreen('3456', m.keys.space);
    await page.getByRole('checkbox', { name: m.feedback.consent }).click();
    await page.getByRole('checkbox', { name: m.feedback.notifyMe }).click();
    await expect(page.getByRole('checkbox', { name: m.feedback.notifyMe })).toBeChecked();
    await snap('04b-contact-notify');
    await kiosk.button(m.feedback.next).click();
    await expect(kiosk.heading()).toHaveText(m.feedback.reviewTitle);
    await expect(page.locator('.review-list')).toContainText(`+995555123456 (${m.feedback.consentYes}; ${m.feedback.notifyYes})`);
    await snap('05-review');
    await kiosk.button(m.feedback.send).click();
    await expect(kiosk.heading()).toHaveText(m.feedback.thanksTitle);
    await expect(page.getByTestId('tracking-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.getByRole('img', { name: m.feedback.qrLabel })).toBeVisible();
    await snap('06-thanks');
    await kiosk.button(m.feedback.finish).click();

    // Tracking: a mistyped code, then an answered demo feedback. (Finish reset every mode for the next visitor.)
    if (mode !== 'normal') await kiosk.button(MODE_BUTTON[mode]).click();
    await kiosk.start(ka.welcome.start);
    await kiosk.chooseLanguage(name);
    await kiosk.button(m.home.track).click();
    await expect(kiosk.heading()).toHaveText(m.track.title);
    await kiosk.typeOnScreen('ABCD', m.keys.space);
    await kiosk.button(m.track.check).click();
    await expect(page.getByRole('alert')).toHaveText(m.track.mistypedLength);
    await snap('07-track-error');
    const [answered] = queryCentral<{ code: string }>(
      centralData,
      "SELECT code FROM feedback WHERE status = 'answered' ORDER BY code LIMIT 1",
    );
    await page.getByRole('textbox', { name: m.track.codeLabel }).fill(answered?.code ?? '');
    await kiosk.button(m.track.check).click();
    await expect(page.getByTestId('answer')).toBeVisible();
    await snap('08-track-result');
  });
}
