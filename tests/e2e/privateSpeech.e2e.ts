import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { clipIdOf } from '../../src-main/core/speech/speechCache.js';
import { VOICE_OF } from '../../sync/node/speech/voices.js';
import type { Language } from '../../sync/protocol/localized.js';
import { ka } from '../../sync/texts/ka.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { queryCentral } from '../support/centralDb.js';
import { bytesSecret, findSecrets, textSecret, type Secret, type Trace } from '../support/privacyScan.js';
import { startAudioKiosk, type AudioKiosk } from './support/audioKiosk.js';
import { KioskPage } from './support/kioskPage.js';
import type { HeardLine } from './support/transcript.js';

// Audio mode speaks contact details and personal numbers into the visitor's
// headset. None of it may outlive the visitor: not in the kiosk's data folder
// (the speech cache), not in Chromium's profile (its HTTP cache), whether the
// visitor walks away mid-flow or sends. Chromium runs with a profile on disk
// (a persistent context), closed before the scan so everything is flushed.
const EMAIL = 'nino.beridze77@example.ge';
const PHONE = '599887766';
const NUMBERS = { walksAway: '01024085927', sends: '33001022334' };
const RATE = 175; // the device default: the rate a private phrase would have been cached under

let kiosk: AudioKiosk;
let profile: string;
let context: BrowserContext;

test.beforeEach(async () => {
  kiosk = await startAudioKiosk('e2e-private-speech', { idleTimeoutSec: 20, idleWarningSec: 20 });
  profile = mkdtempSync(join(tmpdir(), 'psh-chromium-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1920, height: 1080 },
  });
  // Contact details are sealed to Central's key: the kiosk must have enrolled first.
  await expect
    .poll(() => queryCentral<{ n: number }>(kiosk.centralData, 'SELECT count(*) AS n FROM devices')[0]?.n, { timeout: 30_000 })
    .toBe(1);
});
test.afterEach(async () => {
  await context.close().catch(() => undefined);
  await kiosk.stop();
  rmSync(profile, { recursive: true, force: true });
});

/** Waits until a private line was played in the headset since the checkpoint; answers it. */
async function privatelyHeard(matching: (line: HeardLine) => boolean): Promise<HeardLine> {
  for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const found = (await kiosk.transcript.sinceMark()).find((line) => line.private && matching(line));
    if (found) return found;
  }
  const tail = kiosk.transcript
    .all()
    .slice(-8)
    .map((line) => `${line.private ? 'private' : 'public'}: ${line.text.slice(0, 60)}`);
  throw new Error(`no private phrase played in 20 s; last synthesised:\n${tail.join('\n')}`);
}

/** The WAV of a private clip, fetched while it exists: a slice of its samples is what a cache would betray. */
async function clipBytes(line: HeardLine): Promise<Buffer> {
  const answer = await fetch(`${kiosk.url}/api/media/speech/${line.clip}.wav`);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const wav = Buffer.from(await answer.arrayBuffer());
  return wav.subarray(Math.floor(wav.length / 2), Math.floor(wav.length / 2) + 4096);
}

/** Everything about a private phrase that must not be on disk: its text, its would-be cache name, its audio. */
async function secretsOf(line: HeardLine): Promise<Secret[]> {
  return [
    textSecret(`spoken text "${line.text}"`, line.text),
    textSecret(`cache name of "${line.text}"`, clipIdOf(line.text, VOICE_OF[line.lang as Language], RATE)),
    bytesSecret(`audio of "${line.text}"`, await clipBytes(line)),
  ];
}

async function startInAudioMode(page: Page): Promise<KioskPage> {
  const visitor = new KioskPage(page);
  kiosk.transcript.attach(page);
  await visitor.open(kiosk.url);
  await visitor.button(`${ka.bar.audio}`).click();
  await visitor.start(ka.welcome.start);
  await visitor.chooseLanguage('ქართული');
  return visitor;
}

async function feedbackToReview(page: Page, visitor: KioskPage, contact: string): Promise<void> {
  await visitor.button(ka.home.feedback).click();
  await visitor.button(ka.feedback.kinds.complaint).click();
  await visitor.button(ka.feedback.next).click();
  await page.getByRole('textbox', { name: ka.feedback.messageLabel }).fill('რიგი ძალიან გრძელი იყო');
  await visitor.button(ka.feedback.next).click();
  await page.getByRole('textbox', { name: ka.feedback.contactLabel }).fill(contact);
  await page.getByRole('checkbox', { name: ka.feedback.consent }).click();
  await kiosk.transcript.checkpoint();
  await visitor.button(ka.feedback.next).click();
  await expect(visitor.heading()).toHaveText(ka.feedback.reviewTitle);
}

async function voteToReview(page: Page, visitor: KioskPage, personalNumber: string): Promise<void> {
  await visitor.button(ka.home.vote).click();
  await page.getByRole('button', { name: new RegExp(demoBallot.title.ka) }).click();
  for (const id of ['step-free', 'queue-sms']) {
    await page.getByRole('checkbox', { name: demoBallot.initiatives.find((initiative) => initiative.id === id)?.title.ka ?? id }).click();
  }
  await visitor.button(ka.vote.next).click();
  await page.getByRole('textbox', { name: ka.vote.personalLabel }).fill(personalNumber);
  await kiosk.transcript.checkpoint();
  await visitor.button(ka.vote.next).click();
  await expect(visitor.heading()).toHaveText(ka.vote.reviewTitle);
}

/** Closes Chromium (flushing its profile) and scans the kiosk's data folder and the profile. */
async function tracesOnDisk(secrets: readonly Secret[]): Promise<Trace[]> {
  await context.close();
  return findSecrets([kiosk.kioskData, profile], secrets);
}

test('a visitor who walks away from the review screens leaves no spoken contact or personal number on disk', async () => {
  const page = await context.newPage();
  const visitor = await startInAudioMode(page);

  await feedbackToReview(page, visitor, EMAIL);
  const emailLine = await privatelyHeard((line) => line.text.includes('example'));
  const secrets = [textSecret('e-mail', EMAIL), ...(await secretsOf(emailLine))];

  await visitor.button(`${ka.bar.home}`).click();
  await voteToReview(page, visitor, NUMBERS.walksAway);
  const numberLine = await privatelyHeard(() => true);
  secrets.push(textSecret('personal number', NUMBERS.walksAway), ...(await secretsOf(numberLine)));

  // The visitor walks away: the idle warning runs out and the kiosk resets to the welcome screen.
  await expect(visitor.button(ka.welcome.start)).toBeVisible({ timeout: 45_000 });
  // The private phrases are gone from the kiosk's memory too.
  for (const line of [emailLine, numberLine]) expect((await fetch(`${kiosk.url}/api/media/speech/${line.clip}.wav`)).status).toBe(404);

  // The scan can see what it looks for: the test-only transcript (outside both folders) holds the spoken texts.
  expect(findSecrets([kiosk.transcript.file], secrets.slice(0, 2)).length).toBeGreaterThan(0);
  expect(await tracesOnDisk(secrets)).toEqual([]);
});

test('a visitor who sends leaves no spoken contact or personal number on disk either', async () => {
  const page = await context.newPage();
  const visitor = await startInAudioMode(page);

  await feedbackToReview(page, visitor, PHONE);
  const phoneLine = await privatelyHeard((line) => /\d/.test(line.text));
  const secrets = [textSecret('phone', PHONE), textSecret('phone, international', `+995${PHONE}`), ...(await secretsOf(phoneLine))];
  await visitor.button(ka.feedback.send).click();
  await expect(visitor.heading()).toHaveText(ka.feedback.thanksTitle);
  await visitor.button(ka.feedback.finish).click();

  // A new session: audio mode went back to off with the last one.
  await visitor.button(`${ka.bar.audio}`).click();
  await visitor.start(ka.welcome.start);
  await visitor.chooseLanguage('ქართული');
  await voteToReview(page, visitor, NUMBERS.sends);
  const numberLine = await privatelyHeard(() => true);
  secrets.push(textSecret('personal number', NUMBERS.sends), ...(await secretsOf(numberLine)));
  await visitor.button(ka.vote.send).click();
  await expect(visitor.heading()).toHaveText(ka.vote.thanksTitle);

  // Both reach Central (so the kiosk has had every chance to write what it keeps), then the visitor finishes.
  await expect
    .poll(() => queryCentral<{ n: number }>(kiosk.centralData, 'SELECT count(*) AS n FROM submissions')[0]?.n, { timeout: 30_000 })
    .toBe(2);
  await visitor.button(ka.thanks.finish).click();
  await expect(visitor.button(ka.welcome.start)).toBeVisible();
  expect((await fetch(`${kiosk.url}/api/media/speech/${numberLine.clip}.wav`)).status).toBe(404);
  expect(await tracesOnDisk(secrets)).toEqual([]);
});
