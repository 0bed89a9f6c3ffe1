import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { en } from '../../sync/texts/en.js';
import { ka } from '../../sync/texts/ka.js';
import { demoClosedBallot } from '../../sync/central/demo/demoResults.js';
import { queryCentral } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { isSignedIn, signInStaff } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { KioskPage } from './support/kioskPage.js';
import { photographAndCheck } from './support/screenChecks.js';
import { Transcript } from './support/transcript.js';

// Published results on the kiosk, through real processes and Chromium: the demo's closed ballot
// (seeded with its votes and published by `--demo-data`) and the demo survey, which an editor
// closes and publishes in the console during the test. Read in Georgian by sight, in English by sound.
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-results');
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

const NEXT_KA = 'ყველაზე მოთხოვნადი სერვისი 2027 წლის მარტში დაიწყება.';
const NEXT_EN = 'The most wanted service starts in March 2027.';

test('closed surveys and votes show what people chose and what happens next, by sight and by sound', async ({ page }) => {
  const centralData = join(dir.path, 'central');
  const central = await startCentralProcess(centralData, await freePort(), {}, ['--demo-data']);
  running.push(central);
  const editor = await signInStaff(central, 'editor', 'demo-editor-password');
  if (!isSignedIn(editor)) throw new Error('editor sign-in failed');
  expect((await editor.post(`/console/content/surveys/${demoSurvey.id}/close`, {})).status).toBe(200);
  expect((await editor.post('/console/results', { kind: 'survey', id: demoSurvey.id, nextKa: NEXT_KA, nextEn: NEXT_EN })).status).toBe(303);
  const centralVersion = queryCentral<{ v: number }>(centralData, 'SELECT max(version) AS v FROM content_packs')[0]?.v;

  const transcript = new Transcript(join(dir.path, 'transcript.jsonl'), page);
  const kiosk = await startKioskProcess(writeKioskConfig(dir.path, central.url, { audio: { headsetIsOutput: true } }), {
    KIOSK_SPEECH_TRANSCRIPT: transcript.file,
  });
  running.push(kiosk);
  const kioskVersion = () => {
    try {
      const db = new BetterSqlite3(join(dir.path, 'kiosk-data', 'kiosk.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT max(version) FROM content_packs').pluck().get();
      } finally {
        db.close();
      }
    } catch {
      return null; // not created yet
    }
  };
  await expect.poll(kioskVersion, { timeout: 30_000 }).toBe(centralVersion);

  // Georgian, by sight: the list, the vote with its numbers beside the bars, then the survey page by page.
  const visitor = new KioskPage(page);
  await visitor.open(kiosk.url);
  await visitor.start(ka.welcome.start);
  await visitor.chooseLanguage('ქართული');
  await photographAndCheck(page, 'ka-normal-home');
  await visitor.button(ka.home.results).click();
  await expect(visitor.heading()).toHaveText(ka.results.listTitle);
  await expect(page.getByRole('button', { name: new RegExp(demoClosedBallot.title.ka) })).toBeVisible();
  await photographAndCheck(page, 'ka-normal-results-01-list');
  await page.getByRole('button', { name: new RegExp(demoClosedBallot.title.ka) }).click();
  await expect(visitor.heading()).toHaveText(demoClosedBallot.title.ka);
  await expect(page.getByText('ონლაინ ჯავშანი ყველა სერვისზე ამოქმედდება 2027 წლის თებერვლიდან', { exact: false })).toBeVisible();
  const rows = page.locator('.result-row');
  await expect(rows).toHaveCount(demoClosedBallot.initiatives.length);
  await expect(rows.first()).toContainText('ონლაინ ჯავშანი ყველა სერვისზე');
  await expect(rows.first()).toContainText('1284 ხმა');
  await expect(rows.last()).toContainText('301 ხმა');
  await photographAndCheck(page, 'ka-normal-results-02-ballot');

  await visitor.button(ka.results.allResults).click();
  await page.getByRole('button', { name: new RegExp(demoSurvey.title.ka) }).click();
  await expect(page.getByText(NEXT_KA)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: demoSurvey.questions[0]?.text.ka })).toBeVisible();
  const ranking = demoSurvey.questions.find((question) => question.type === 'ranking');
  const asked = demoSurvey.questions.filter((question) => question.type !== 'text');
  for (const question of asked.slice(1)) {
    await visitor.button(ka.results.next).click();
    await expect(page.getByRole('heading', { level: 2, name: question.text.ka })).toBeVisible();
    if (question === ranking) await photographAndCheck(page, 'ka-normal-results-03-survey-ranking');
  }
  await expect(visitor.button(ka.results.next)).toHaveCount(0);
  // Back steps through the survey's pages before it leaves the result.
  await visitor.button(`${ka.bar.back}`).click();
  await expect(page.getByRole('heading', { level: 2, name: asked.at(-2)?.text.ka })).toBeVisible();
  await visitor.button(ka.results.next).click();
  await visitor.button(ka.results.finish).click();
  await expect(visitor.button(ka.welcome.start)).toBeVisible();

  // English, by sound (headset), in large text: the screen reads who took part, what happens next and each number.
  await visitor.start(ka.welcome.start);
  await visitor.chooseLanguage('English');
  await visitor.button(`${en.bar.audio}`).click();
  await visitor.button(`${en.bar.largeText}`).click();
  await visitor.button(en.home.results).click();
  await transcript.checkpoint();
  await page.getByRole('button', { name: new RegExp(demoClosedBallot.title.en ?? '') }).click();
  await expect.poll(() => transcript.text(), { timeout: 20_000 }).toContain('Online booking for every service starts in February 2027.');
  await expect.poll(() => transcript.text(), { timeout: 20_000 }).toContain('1. Online booking for every service: 1284 votes.');
  expect(await transcript.text()).toContain('3043 votes counted.');
  await photographAndCheck(page, 'en-large-results-02-ballot', true);
});
