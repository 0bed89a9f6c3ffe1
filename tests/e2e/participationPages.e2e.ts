import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';

// The console's survey pages and the public results and initiative pages, in Chromium: used by
// keyboard only (no mouse), checked by axe and photographed.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-participation');
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

test('an editor checks and publishes a survey and its results by keyboard; the public pages are accessible', async ({ browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  const central = await startCentralProcess(join(dir.path, 'central'), await freePort(), {}, ['--demo-data']);
  running.push(central);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${central.url}/console`);
  // The console is in Georgian unless a staff member chooses English, as this editor does.
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByLabel('Username').fill('editor');
  await page.getByLabel('Password').fill('demo-editor-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Surveys, ballots and content');
  await expectNoAxeViolations(page, 'console content');

  await page
    .getByLabel('Survey JSON')
    .fill(
      JSON.stringify({ ...demoSurvey, id: 'branch-comfort', title: { ka: 'კომფორტი ფილიალში', en: 'Comfort at the branch' } }, null, 2),
    );
  const surveyForm = page.locator('#survey-form');
  await surveyForm.getByRole('button', { name: 'Check and preview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('No problems found');
  await expect(page.getByRole('heading', { name: 'Preview: hy' })).toBeVisible();
  await expectNoAxeViolations(page, 'console survey preview');
  await page.screenshot({ path: join(SHOTS, 'console-survey-preview.png') });
  await page.locator('#survey-form').getByRole('button', { name: 'Publish', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(/Published survey "branch-comfort" in content pack version \d+/);

  // A ballot: edited from its current JSON, checked with its preview in every language.
  await page.getByRole('link', { name: 'Edit priorities-2027' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Ballot JSON')).toHaveValue(/"id": "priorities-2027"/);
  await page.locator('#ballot-form').getByRole('button', { name: 'Check and preview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('No problems found');
  await expect(page.getByText('Step-free entrances and tactile paths').first()).toBeVisible();
  await expectNoAxeViolations(page, 'console ballot preview');
  await page.screenshot({ path: join(SHOTS, 'console-ballot-preview.png') });

  // Results: from the live tally, with what happens next.
  await page.goto(`${central.url}/console/content`);
  await page.getByRole('link', { name: `Live tally and results of ${demoSurvey.id}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Publish these results' })).toBeVisible();
  // The open answers (typed and spoken), one link away.
  await page.getByRole('link', { name: 'Read and hear the answers to free-text questions' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Written and spoken answers');
  await expectNoAxeViolations(page, 'console open answers');
  await page.goBack();
  await page.getByRole('button', { name: 'Publish results' }).focus();
  await page.keyboard.press('Enter'); // refused by the browser: the Georgian text is required
  await expect(page.getByRole('heading', { name: 'Publish these results' })).toBeVisible();
  await page.getByLabel('What happens next (Georgian, required)').fill('პირველი სერვისი 2027 წლის მარტში დაიწყება.');
  await page.getByLabel('What happens next (English)').fill('The first service starts in March 2027.');
  await expectNoAxeViolations(page, 'console tally and publish form');
  await page.screenshot({ path: join(SHOTS, 'console-tally-publish.png'), fullPage: true });
  await page.getByRole('button', { name: 'Publish results' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoSurvey.title.en ?? '');
  await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await expectNoAxeViolations(page, 'public survey results');
  await page.screenshot({ path: join(SHOTS, 'public-survey-results.png'), fullPage: true });
  await page.goto(`${central.url}/results`);
  await expectNoAxeViolations(page, 'public results index');
  await page.goto(`${central.url}/initiatives/priorities-2027/village-kiosks`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('თვითმომსახურების კიოსკები სოფლებში');
  await expectNoAxeViolations(page, 'public initiative');
  await page.screenshot({ path: join(SHOTS, 'public-initiative.png') });
});
