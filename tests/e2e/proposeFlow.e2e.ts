import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PUBLIC_WORDS } from '../../sync/central/public/words/publicWords.js';
import { en } from '../../sync/texts/en.js';
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
  // "Tell me the decision": nothing preselected; a contact without a way to tell is refused, then an e-mail.
  await expect(visitor.heading()).toHaveText(en.propose.contactTitle);
  const tellMe = page.getByRole('checkbox', { name: en.propose.notifyMe });
  await expect(tellMe).toHaveAttribute('aria-checked', 'false');
  await tellMe.click();
  await visitor.button(en.feedback.next).click();
  await expect(page.getByRole('alert')).toHaveText(en.feedback.notifyNeedsContact);
  await page.getByRole('textbox', { name: en.feedback.contactLabel }).fill('nino@example.ge');
  await photographAndCheck(page, 'en-normal-propose-03-contact');
  await visitor.button(en.feedback.next).click();
  await expect(visitor.heading()).toHaveText(en.propose.reviewTitle);
  await expect(page.locator('.review-list')).toContainText('night desk');
  await expect(page.locator('.review-list')).toContainText(`nino@example.ge (${en.propose.notifyYes})`);
  await photographAndCheck(page, 'en-normal-propose-04-review');
  await visitor.button(en.propose.send).click();
  await expect(visitor.heading()).toHaveText(en.propose.thanksTitle);
  await expect(page.getByRole('img', { name: en.propose.qrLabel })).toBeVisible();
  await photographAndCheck(page, 'en-normal-propose-05-thanks');
  const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').replace('-', '');

  await expect
    .poll(
      () => queryCentral<{ status: string; notify: number }>(centralData, 'SELECT status, notify FROM proposals WHERE code = ?', code)[0],
      {
        timeout: 30_000,
      },
    )
    .toEqual({ status: 'pending', notify: 1 });
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
  // The same page on a 320 px phone, in Azerbaijani: in the reader's language, nothing wider than the phone.
  const phone = await (
    await page
      .context()
      .browser()
      ?.newContext({ viewport: { width: 320, height: 740 } })
  )?.newPage();
  if (!phone) throw new Error('no browser');
  await phone.goto(`${central.url}/proposals/${code}?lang=az`);
  await expect(phone.getByText(PUBLIC_WORDS.az.participation.proposalStatuses.pending)).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(phone, 'public proposal, 320 px, az');
  await phone.screenshot({ path: join(SCREENSHOTS, '320-az-proposal.png'), fullPage: true });
  await phone.close();

  // Staff accept it in the console and add a milestone; its process page in the public record then
  // tells the story from its arrival to that milestone, each step linking to its entry of the log.
  addStaff(centralData, 'lela', 'admin', 'admin-password-1');
  await reader.goto(`${central.url}/console/login?next=/console/language/en?next=/console/proposals/${code}`);
  await reader.locator('#username').fill('lela');
  await reader.locator('#password').fill('admin-password-1');
  await reader.locator('form[action="/console/login"] button').click();
  await reader.goto(`${central.url}/console/language/en?next=${encodeURIComponent(`/console/proposals/${code}`)}`);
  await reader.locator('#title-en').fill('A night desk');
  await reader.locator('#title-ka').fill('ღამის სამუშაო მაგიდა');
  await reader.locator('#description-ka').fill('ერთი ფილიალი ღიაა 22:00-მდე.');
  await reader.locator('#description-en').fill('One branch open until 22:00.');
  await reader.locator(`form[action="/console/proposals/${code}/accept"] button`).click();
  await expect(reader.getByRole('status')).toBeVisible();
  await reader.goto(`${central.url}/console/record`);
  await reader.locator('#process').selectOption(`proposal:${code}`);
  await reader.locator('#status').selectOption('in-progress');
  await reader.locator('#progress').fill('40');
  await reader.locator('#note-ka').fill('პილოტი რუსთავის ფილიალში.');
  await reader.locator('#note-en').fill('A pilot at the Rustavi branch.');
  await reader.locator('form[action="/console/record/milestones"] button').click();
  await expect(reader.getByRole('status')).toContainText('Added as entry');
  await expectNoAxeViolations(reader, 'console public record');
  await reader.screenshot({ path: join(SCREENSHOTS, 'console-record-en.png'), fullPage: true });
  await reader.getByRole('link', { name: 'See the process page' }).click();
  await expect(reader.locator('ol.timeline li')).toHaveCount(2); // arrival, acceptance (milestones have their own table)
  await expect(reader.locator('table.milestones')).toContainText('A pilot at the Rustavi branch.');
  await expect(reader.locator('table.milestones')).toContainText('40%');
  for (const lang of ['en', 'ka'] as const) {
    await reader.goto(`${central.url}/record/processes/proposal/${code}${lang === 'en' ? '?lang=en' : ''}`);
    await expectNoAxeViolations(reader, `proposal process page (${lang})`);
    await reader.screenshot({ path: join(SCREENSHOTS, `record-process-proposal-${lang}.png`), fullPage: true });
  }
  // The vote it joined tells that a citizen's proposal became one of its initiatives.
  await reader.goto(`${central.url}/record/processes/proposal/${code}?lang=en`);
  await reader.getByRole('link', { name: /the vote's story/i }).click();
  await expect(reader.locator('ol.timeline li[data-kind="proposal.accepted"]')).toHaveCount(1);
  await expectNoAxeViolations(reader, 'ballot process page (en)');
  await reader.screenshot({ path: join(SCREENSHOTS, 'record-process-ballot-en.png'), fullPage: true });
  await reader.goto(`${central.url}/record/processes/proposal/${code}`);
  await reader.locator('table.milestones a').click();
  await expect(reader.locator('table.entries code.entry')).toContainText('"kind":"milestone.added"');
  await expectNoAxeViolations(reader, 'entry page (ka)');
  await reader.screenshot({ path: join(SCREENSHOTS, 'record-entry-ka.png'), fullPage: true });
  for (const lang of ['en', 'ka'] as const) {
    await reader.goto(`${central.url}/record/indicators${lang === 'en' ? '?lang=en' : ''}`);
    await expectNoAxeViolations(reader, `indicators (${lang})`);
    await reader.screenshot({ path: join(SCREENSHOTS, `record-indicators-${lang}.png`), fullPage: true });
  }
});

const ROOT = join(import.meta.dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'var', 'screenshots');

/** A staff account made with Central's CLI beside the running Central (the way an operator makes one). */
function addStaff(dataDir: string, user: string, role: string, password: string): void {
  const added = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'sync/central/cli.ts'), 'add-staff', '--user', user, '--role', role, '--data', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, PSH_STAFF_PASSWORD: password },
      encoding: 'utf8',
    },
  );
  expect(added.status, added.stderr).toBe(0);
}
