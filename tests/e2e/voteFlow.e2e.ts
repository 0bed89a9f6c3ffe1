import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { pickText } from '../../sync/protocol/languages.js';
import { ka } from '../../sync/texts/ka.js';
import { queryCentral } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { filesContaining } from '../support/grepFiles.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { KioskPage } from './support/kioskPage.js';
import { readQr } from './support/readQr.js';
import { photographAndCheck } from './support/screenChecks.js';
import { Transcript } from './support/transcript.js';

// A verified vote in Georgian, in audio mode without a headset (typed digits stay private):
// a wrong personal number is refused, shown and spoken, and nothing is queued; the right one
// casts the vote, and the number is in no kiosk file and no transcript line. The receipt's QR code,
// read off the screen, opens the citizen's receipt page, and the outside verifier finds it.
const NUMBER = '01024085927';
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-vote');
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

test('a verified vote: a wrong personal number is refused aloud and on screen, the right one votes once, and is stored nowhere', async ({
  page,
}) => {
  const centralData = join(dir.path, 'central');
  const central = await startCentralProcess(centralData, await freePort());
  running.push(central);
  const transcript = new Transcript(join(dir.path, 'transcript.jsonl'), page);
  const kiosk = await startKioskProcess(writeKioskConfig(dir.path, central.url), { KIOSK_SPEECH_TRANSCRIPT: transcript.file });
  running.push(kiosk);
  await expect.poll(() => queryCentral<{ n: number }>(centralData, 'SELECT count(*) AS n FROM devices')[0]?.n, { timeout: 30_000 }).toBe(1);

  const visitor = new KioskPage(page);
  await visitor.open(kiosk.url);
  await visitor.start(ka.welcome.start);
  await visitor.chooseLanguage('ქართული');
  await visitor.button(ka.home.vote).click();
  await expect(visitor.heading()).toHaveText(ka.vote.listTitle);
  await photographAndCheck(page, 'ka-normal-vote-01-list');
  await page.getByRole('button', { name: new RegExp(demoBallot.title.ka) }).click();
  await visitor.button(ka.vote.next).click();
  await expect(page.getByRole('alert')).toHaveText(ka.vote.chooseFirst);
  const stepFree = demoBallot.initiatives.find((initiative) => initiative.id === 'step-free')?.title.ka ?? '';
  const sms = demoBallot.initiatives.find((initiative) => initiative.id === 'queue-sms')?.title.ka ?? '';
  const corner = demoBallot.initiatives.find((initiative) => initiative.id === 'child-corner')?.title.ka ?? '';
  for (const title of [stepFree, sms, corner]) await page.getByRole('checkbox', { name: title }).click();
  await visitor.button(ka.vote.next).click();
  await expect(page.getByRole('alert')).toHaveText(ka.vote.tooMany.replace('{{count}}', '2'));
  await photographAndCheck(page, 'ka-normal-vote-02-ballot-error');
  await page.getByRole('checkbox', { name: corner }).click();
  await visitor.button(ka.vote.next).click();
  await expect(visitor.heading()).toHaveText(ka.vote.personalTitle);

  // Audio mode, no headset: the visitor keeps typed text private.
  await visitor.button(`${ka.bar.audio}`).click();
  await visitor.button(ka.audio.keepPrivate).click();
  await transcript.checkpoint();
  await visitor.typeOnScreen(NUMBER.slice(0, 10), ka.keys.space);
  await visitor.button(ka.vote.next).click();
  await expect(page.getByRole('alert')).toHaveText(ka.vote.invalidNumber);
  await expect.poll(() => transcript.text(), { timeout: 20_000 }).toContain(ka.vote.invalidNumber);
  await photographAndCheck(page, 'ka-audio-vote-03-personal-number-error');
  await page.getByRole('textbox', { name: ka.vote.personalLabel }).fill(`${NUMBER.slice(0, 10)}a`);
  await visitor.button(ka.vote.next).click();
  await expect(page.getByRole('alert')).toHaveText(ka.vote.invalidNumber);
  const kioskDb = join(dir.path, 'kiosk-data', 'kiosk.sqlite');
  const queuedVotes = () => {
    const db = new BetterSqlite3(kioskDb, { readonly: true });
    try {
      return db.prepare("SELECT count(*) FROM submissions WHERE type = 'vote'").pluck().get();
    } finally {
      db.close();
    }
  };
  expect(queuedVotes()).toBe(0);

  await page.getByRole('textbox', { name: ka.vote.personalLabel }).fill(NUMBER);
  await visitor.button(ka.vote.next).click();
  await expect(visitor.heading()).toHaveText(ka.vote.reviewTitle);
  await expect(page.locator('.review-list')).toContainText('•••••••5927');
  await photographAndCheck(page, 'ka-audio-vote-04-review');
  await visitor.button(ka.vote.send).click();
  await expect(visitor.heading()).toHaveText(ka.vote.thanksTitle);
  await expect(page.getByRole('img', { name: ka.vote.qrLabel.replace('{{name}}', stepFree) })).toBeVisible();
  await photographAndCheck(page, 'ka-audio-vote-05-thanks-share');
  expect(queuedVotes()).toBe(1);
  // The receipt's QR code, read from the screen as a phone would.
  const receiptUrl = await readQr(page.getByRole('img', { name: ka.receipt.qrLabel }));
  expect(receiptUrl).toMatch(new RegExp(`^${central.url}/record/receipts/[0-9A-HJKMNP-TV-Z]{20}$`));

  await expect
    .poll(() => queryCentral<{ n: number }>(centralData, 'SELECT count(*) AS n FROM votes WHERE counted = 1')[0]?.n, { timeout: 30_000 })
    .toBe(1);
  const chosen = queryCentral<{ initiative_id: string }>(centralData, 'SELECT initiative_id FROM vote_choices ORDER BY initiative_id').map(
    (row) => row.initiative_id,
  );
  expect(chosen).toEqual(['queue-sms', 'step-free']);

  // The citizen follows the receipt: their vote is counted, nothing on the page says what they chose,
  // and the outside verifier finds the entry in the record it checks.
  const receiptPage = await page.context().newPage();
  for (const lang of ['ka', 'en'] as const) {
    await receiptPage.goto(lang === 'ka' ? receiptUrl : `${receiptUrl}?lang=en`);
    await expect(receiptPage.locator('[data-counted]')).toHaveAttribute('data-counted', 'true', { timeout: 15_000 });
    await expect(receiptPage.locator('body')).not.toContainText(stepFree);
    await expect(receiptPage.locator('body')).not.toContainText('step-free');
    await expectNoAxeViolations(receiptPage, `receipt-page-${lang}`);
    await receiptPage.screenshot({
      path: join(import.meta.dirname, '..', '..', 'var', 'screenshots', `public-receipt-${lang}.png`),
      fullPage: true,
    });
  }
  // The record's home page: the log, its witnesses, the ballot with its one vote so far.
  for (const lang of ['ka', 'en'] as const) {
    await receiptPage.goto(`${central.url}/record${lang === 'en' ? '?lang=en' : ''}`);
    await expect(receiptPage.getByRole('row', { name: new RegExp(pickText(demoBallot.title, lang)) })).toContainText('1');
    await expectNoAxeViolations(receiptPage, `record-home-${lang}`);
    await receiptPage.screenshot({
      path: join(import.meta.dirname, '..', '..', 'var', 'screenshots', `public-record-${lang}.png`),
      fullPage: true,
    });
  }
  const code = receiptUrl.split('/').at(-1) ?? '';
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/verifyRecord.ts', central.url, '--cache', join(dir.path, 'verifier.json'), '--receipt', code],
    { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' },
  );
  expect(stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`receipt ${code}: entry \\d+, a vote, is in it: holds$`));
  expect(filesContaining(join(dir.path, 'kiosk-data'), NUMBER)).toEqual([]);
  expect(filesContaining(centralData, NUMBER)).toEqual([]);
  expect(readFileSync(transcript.file, 'utf8')).not.toContain(NUMBER);
  expect(kiosk.output() + central.output()).not.toContain(NUMBER);
});
