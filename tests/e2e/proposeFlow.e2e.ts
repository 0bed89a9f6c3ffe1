import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { en } from '../../src-renderer/i18n/locales/en.js';
import { queryCentral } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { KioskPage } from './support/kioskPage.js';
import { photographAndCheck } from './support/screenChecks.js';

// A proposal of a new service on the kiosk (English), through real processes and Chromium:
// it reaches Central's moderation queue and its public page answers by the code shown.
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-propose');
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

test('a visitor proposes a service; it waits in the moderation queue and its page answers by code', async ({ page }) => {
  const centralData = join(dir.path, 'central');
  const central = await startCentralProcess(centralData, await freePort());
  running.push(central);
  const kiosk = await startKioskProcess(writeKioskConfig(dir.path, central.url));
  running.push(kiosk);

  const visitor = new KioskPage(page);
  await visitor.open(kiosk.url);
  await visitor.start('დაწყება');
  await visitor.chooseLanguage('English');
  await visitor.button(en.home.propose).click();
  await expect(visitor.heading()).toHaveText(en.propose.titleTitle);
  await visitor.button(en.vote.next).click();
  await expect(page.getByRole('alert')).toHaveText(en.propose.titleRequired);
  await photographAndCheck(page, 'en-normal-propose-01-title-error');
  await visitor.typeOnScreen('night desk', en.keys.space);
  await visitor.button(en.vote.next).click();
  await expect(visitor.heading()).toHaveText(en.propose.descriptionTitle);
  await page
    .getByRole('textbox', { name: en.propose.descriptionLabel })
    .fill('One branch open until 22:00 <b>for people who work days</b>.');
  await photographAndCheck(page, 'en-normal-propose-02-description');
  await visitor.button(en.feedback.next).click();
  await expect(visitor.heading()).toHaveText(en.propose.reviewTitle);
  await expect(page.locator('.review-list')).toContainText('night desk');
  await photographAndCheck(page, 'en-normal-propose-03-review');
  await visitor.button(en.propose.send).click();
  await expect(visitor.heading()).toHaveText(en.propose.thanksTitle);
  await expect(page.getByRole('img', { name: en.propose.qrLabel })).toBeVisible();
  await photographAndCheck(page, 'en-normal-propose-04-thanks');
  const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').replace('-', '');

  await expect
    .poll(() => queryCentral<{ status: string }>(centralData, 'SELECT status FROM proposals WHERE code = ?', code)[0]?.status, {
      timeout: 30_000,
    })
    .toBe('pending');
  const reader = await (
    await page
      .context()
      .browser()
      ?.newContext({ viewport: { width: 1280, height: 900 } })
  )?.newPage();
  if (!reader) throw new Error('no browser');
  await reader.goto(`${central.url}/proposals/${code}?lang=en`);
  await expect(reader.getByText('Waiting for review')).toBeVisible();
  await expect(reader.getByText('for people who work days', { exact: false })).toContainText('<b>');
  await expectNoAxeViolations(reader, 'public proposal');
});
