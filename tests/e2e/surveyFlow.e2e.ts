import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { en } from '../../sync/texts/en.js';
import { ka } from '../../sync/texts/ka.js';
import type { Answer } from '../../sync/protocol/survey.js';
import { tallySurvey } from '../../sync/central/services/surveyTally.js';
import { fileCaptureAsoundrc, sineRaw } from '../support/audioAnalysis.js';
import { queryCentral } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { KioskPage } from './support/kioskPage.js';
import { photographAndCheck } from './support/screenChecks.js';

// The demo survey (skip rule, ranking, every question type) finished on the kiosk in Georgian and in
// English, through real processes and Chromium; Central's tally must match the answers given.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-survey');
const centralData = join(dir.path, 'central');
let kioskUrl = '';

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const central = await startCentralProcess(centralData, await freePort());
  running.push(central);
  // The free-text question may be answered by voice: arecord reads ALSA's file plugin (no microphone here).
  writeFileSync(join(dir.path, 'tone.raw'), sineRaw(440, 3));
  writeFileSync(join(dir.path, '.asoundrc'), fileCaptureAsoundrc('pshtone', join(dir.path, 'tone.raw')));
  const kiosk = await startKioskProcess(writeKioskConfig(dir.path, central.url, { audio: { inputDevice: 'pshtone' } }), { HOME: dir.path });
  running.push(kiosk);
  kioskUrl = kiosk.url;
});
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

const label = (questionId: string, choiceId: string, language: 'ka' | 'en') => {
  const question = demoSurvey.questions.find((q) => q.id === questionId);
  const choice = question && 'choices' in question ? question.choices.find((c) => c.id === choiceId) : undefined;
  return choice?.label[language] ?? choiceId;
};
const text = (questionId: string, language: 'ka' | 'en') =>
  demoSurvey.questions.find((q) => q.id === questionId)?.text[language] ?? questionId;

test('the demo survey in Georgian (online services rated, a service moved to first) and in English (skipped by the rule); Central tallies both', async ({
  page,
}) => {
  const kiosk = new KioskPage(page);
  const next = (m: typeof ka) => kiosk.button(m.survey.next).click();

  // Georgian.
  await kiosk.open(kioskUrl);
  await kiosk.start(ka.welcome.start);
  await kiosk.chooseLanguage('ქართული');
  await kiosk.button(ka.home.survey).click();
  await expect(kiosk.heading()).toHaveText(ka.survey.listTitle);
  await photographAndCheck(page, 'ka-normal-survey-01-list');
  await page.getByRole('button', { name: new RegExp(demoSurvey.title.ka) }).click();
  await expect(kiosk.heading()).toHaveText(text('visits', 'ka'));
  await next(ka);
  await expect(page.getByRole('alert')).toHaveText(ka.survey.chooseFirst);
  await photographAndCheck(page, 'ka-normal-survey-02-single-error');
  await kiosk.rate(label('visits', 'yearly', 'ka'));
  await next(ka);
  await kiosk.rate(ka.survey.yes);
  await photographAndCheck(page, 'ka-normal-survey-03-yesno');
  await next(ka);
  await expect(kiosk.heading()).toHaveText(text('online-rating', 'ka'));
  await kiosk.rate('4');
  await photographAndCheck(page, 'ka-normal-survey-04-rating');
  await next(ka);
  await expect(kiosk.heading()).toHaveText(text('priorities', 'ka'));
  const mobile = label('priorities', 'mobile-office', 'ka');
  await kiosk.button(ka.survey.moveUp.replace('{{name}}', mobile)).click();
  await kiosk.button(ka.survey.moveUp.replace('{{name}}', mobile)).click();
  await expect(page.locator('.ranking-label').first()).toHaveText(mobile);
  await photographAndCheck(page, 'ka-normal-survey-05-ranking');
  await next(ka);
  await page.getByRole('checkbox', { name: label('informed', 'sms', 'ka') }).click();
  await page.getByRole('checkbox', { name: label('informed', 'website', 'ka') }).click();
  await page.getByRole('checkbox', { name: label('informed', 'email', 'ka') }).click();
  await next(ka);
  await expect(page.getByRole('alert')).toHaveText(ka.survey.chooseAtMost.replace('{{count}}', '2'));
  await photographAndCheck(page, 'ka-normal-survey-06-multiple-error');
  await page.getByRole('checkbox', { name: label('informed', 'email', 'ka') }).click();
  await next(ka);
  await photographAndCheck(page, 'ka-normal-survey-07-smiley');
  await kiosk.button(ka.survey.skip).click();
  await expect(kiosk.heading()).toHaveText(text('comment', 'ka'));
  // Answered by voice, not typed.
  await kiosk.button(`${ka.voice.record}`).click();
  await expect(kiosk.button(`${ka.voice.stop}`)).toBeVisible();
  await page.waitForTimeout(1000); // a second of the tone is recorded
  await kiosk.button(`${ka.voice.stop}`).click();
  await expect(kiosk.button(`${ka.voice.listen}`)).toBeVisible();
  await photographAndCheck(page, 'ka-normal-survey-08-text-voice');
  await next(ka);
  await expect(kiosk.heading()).toHaveText(ka.survey.reviewTitle);
  await expect(page.locator('.review-list')).toContainText(ka.survey.voiceAnswer);
  await expect(page.locator('.review-list')).toContainText(`1. ${mobile}`);
  await page.screenshot({ path: join(SHOTS, 'ka-normal-survey-09-review.png') });
  await expectNoAxeViolations(page, 'ka survey review');
  await kiosk.button(ka.survey.send).click();
  await expect(kiosk.heading()).toHaveText(ka.survey.thanksTitle);
  await kiosk.button(ka.thanks.finish).click();

  // English: no online services, so the rating question is never asked.
  await kiosk.start(ka.welcome.start);
  await kiosk.chooseLanguage('English');
  await kiosk.button(en.home.survey).click();
  await page.getByRole('button', { name: new RegExp(demoSurvey.title.en ?? '') }).click();
  await kiosk.rate(label('visits', 'first', 'en'));
  await next(en);
  await kiosk.rate(en.survey.no);
  await next(en);
  await expect(kiosk.heading()).toHaveText(text('priorities', 'en'));
  await next(en); // the order as shown is an answer
  await page.getByRole('checkbox', { name: label('informed', 'email', 'en') }).click();
  await next(en);
  await kiosk.rate('Good');
  await next(en);
  await page.getByRole('textbox', { name: en.survey.textLabel }).fill('Evening hours on Saturdays, please.');
  await photographAndCheck(page, 'en-normal-survey-10-text');
  await next(en);
  await expect(kiosk.heading()).toHaveText(en.survey.reviewTitle);
  await expect(page.locator('.review-list dt')).toHaveCount(6);
  await kiosk.button(en.survey.send).click();
  await expect(kiosk.heading()).toHaveText(en.survey.thanksTitle);

  // Central holds both responses, and its tally is the answers given.
  await expect
    .poll(() => queryCentral(centralData, "SELECT id FROM submissions WHERE type = 'survey'").length, { timeout: 30_000 })
    .toBe(2);
  const responses = queryCentral<{ payload_json: string }>(centralData, "SELECT payload_json FROM submissions WHERE type = 'survey'").map(
    (row) => (JSON.parse(row.payload_json) as { answers: Record<string, Answer> }).answers,
  );
  const tally = Object.fromEntries(tallySurvey(demoSurvey, responses).questions.map((question) => [question.questionId, question]));
  expect(tally.online).toMatchObject({
    answered: 2,
    counts: [
      { id: 'yes', count: 1 },
      { id: 'no', count: 1 },
    ],
  });
  expect(tally['online-rating']).toMatchObject({ answered: 1, mean: 4 });
  // Georgian: mobile-office, online-queue, home-delivery, sign-language, evening-hours; English: as listed.
  expect(tally.priorities).toMatchObject({
    answered: 2,
    ranking: [
      { id: 'online-queue', borda: 7 },
      { id: 'mobile-office', borda: 6 },
      { id: 'home-delivery', borda: 5 },
      { id: 'sign-language', borda: 2 },
      { id: 'evening-hours', borda: 0 },
    ],
  });
  expect(tally.informed).toMatchObject({
    counts: [
      { id: 'sms', count: 1 },
      { id: 'email', count: 1 },
      { id: 'website', count: 1 },
      { id: 'branch', count: 0 },
    ],
  });
  expect(tally.today).toMatchObject({ answered: 1, mean: 4 });
  expect(tally.comment).toMatchObject({ answered: 2 });
  // The voice answer arrived as its own file, complete.
  await expect
    .poll(
      () =>
        queryCentral<{ name: string; received: number }>(
          centralData,
          'SELECT name, received_at IS NOT NULL AS received FROM submission_attachments',
        ),
      { timeout: 30_000 },
    )
    .toEqual([{ name: 'answer-comment.wav', received: 1 }]);
});
