import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { ka } from '../../sync/texts/ka.js';
import { startSmsCentre } from '../support/messagePeers.js';
import { isSignedIn, signInStaff } from '../support/staffClient.js';
import { startAudioKiosk, TONE_DEVICE, type AudioKiosk } from './support/audioKiosk.js';
import { EyesFreeVisitor, figuresRow, type FlowFigures } from './support/eyesFreeVisitor.js';
import { KioskPage } from './support/kioskPage.js';

// Issue #13's measure: each flow done eyes-free, by keys only, in Georgian, on a
// kiosk without a headset where the visitor keeps private things private.
// Every press must be answered, every focus stop must say name, role and state,
// every line must be in its own voice and at most 200 characters, and nothing
// private may be said on the loudspeaker. The figures are logged as the issue's
// table rows.
const PERSONAL_NUMBER = '01024085927';
const MESSAGE = 'კარგი რიგი';
const ANSWER = 'გმადლობთ. დილით მეორე ოპერატორი დავამატეთ.';
const ROOT = join(import.meta.dirname, '..', '..');
/** The visitor's mobile number, typed on the contact screen's keyboard by keys, for "tell me" (issue #32). */
const MOBILE = '591234567';
let kiosk: AudioKiosk;
/** The operator's SMS centre (a real SMPP 3.4 peer): where the visitor's messages arrive. */
let centre: Awaited<ReturnType<typeof startSmsCentre>>;
test.beforeAll(async () => {
  centre = await startSmsCentre({ systemId: 'psh', password: 'e2e-smpp' });
});
test.afterAll(async () => centre.close());
test.beforeEach(async () => {
  kiosk = await startAudioKiosk(
    'e2e-eyes-free',
    { audio: { inputDevice: TONE_DEVICE, headsetIsOutput: false, recordLimitSec: 120 } },
    [],
    // Noon in Tbilisi for Central's sender (tests only): SMS wait out the night, and a test cannot choose its hour.
    { PSH_SMPP_URL: centre.url, PSH_SMS_SENDER: 'PSH', PSH_TEST_NOTIFY_CLOCK: '2026-12-07T08:00:00Z' },
  );
});
test.afterEach(async () => kiosk.stop());

/** Audio on by holding Help, "keep it private", Georgian, then a home tile: all by keys, all measured. */
async function begin(page: Page, flow: string, tile: string): Promise<EyesFreeVisitor> {
  kiosk.transcript.attach(page);
  await new KioskPage(page).open(kiosk.url);
  const visitor = new EyesFreeVisitor(page, kiosk.transcript, ka, 'ka', flow);
  await page.keyboard.down('F1');
  await page.waitForTimeout(2300);
  await page.keyboard.up('F1');
  await expect(page.getByRole('dialog', { name: ka.audio.privacyTitle })).toBeVisible();
  await visitor.choose(ka.audio.keepPrivate);
  await expect(page.getByRole('dialog')).toBeHidden();
  await visitor.press('Enter');
  await visitor.choose('ქართული');
  await visitor.choose(tile);
  return visitor;
}

/** The figures meet the bar: no silent key, no wrong voice, every stop complete, no long line. */
function expectFrictionless(figures: FlowFigures): void {
  console.log(figuresRow(figures));
  expect.soft(figures.silent, 'silent key presses').toEqual([]);
  expect.soft(figures.wrongVoice, 'lines in the wrong voice').toEqual([]);
  expect.soft(figures.badStops, 'focus stops without name, role or state').toEqual([]);
  expect.soft(figures.longLines, 'lines over 200 characters').toEqual([]);
}

/** Lines said on the loudspeaker (not private) that hold `secret`. */
const spokenAloud = (secret: string) =>
  kiosk.transcript
    .all()
    .filter((line) => !line.private && line.text.includes(secret))
    .map((line) => line.text);

test('rating, eyes-free', async ({ page }) => {
  const visitor = await begin(page, 'rating', ka.home.rate);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(demoContentPack.rating.question.ka);
  await visitor.choose(demoContentPack.rating.labels[3]?.ka ?? '');
  await visitor.choose(ka.rating.next);
  await visitor.choose(ka.comment.skip);
  await expect(heading).toHaveText(ka.review.title);
  await visitor.choose(ka.review.send);
  await expect(heading).toHaveText(ka.thanks.title);
  await visitor.press('Enter');
  await expect(heading).toHaveText(ka.welcome.title);
  expectFrictionless(visitor.figures());
});

test('survey with ranking, eyes-free', async ({ page }) => {
  const visitor = await begin(page, 'survey with ranking', ka.home.survey);
  const heading = page.getByRole('heading', { level: 1 });
  await visitor.choose(demoSurvey.title.ka, { holds: true });
  for (let screens = 0; screens < 12; screens += 1) {
    const title = (await heading.textContent()) ?? '';
    if (title === ka.survey.reviewTitle) break;
    const question = demoSurvey.questions.find((candidate) => candidate.text.ka === title);
    if (!question) throw new Error(`survey: no question titled "${title}"`);
    if (question.type === 'ranking') {
      // Moves the second item up once, by its ▲ button.
      await visitor.moveTo('▲');
      await visitor.press('ArrowDown');
      await visitor.moveTo('▲');
      await visitor.press('Enter');
    } else if (question.type === 'yesno') await visitor.choose(ka.survey.yes);
    else if (question.type === 'rating') await visitor.choose('4');
    else if (question.type === 'smiley') await visitor.choose(demoContentPack.rating.labels[3]?.ka ?? '');
    else if (question.type === 'text') {
      /* optional: left empty */
    } else if ('choices' in question && question.choices[0]) await visitor.choose(question.choices[0].label.ka, { holds: true });
    await visitor.choose(ka.survey.next);
  }
  await expect(heading).toHaveText(ka.survey.reviewTitle);
  await visitor.choose(ka.survey.send);
  await expect(heading).not.toHaveText(ka.survey.reviewTitle);
  expectFrictionless(visitor.figures());
});

test('verified vote kept private, eyes-free', async ({ page }) => {
  const visitor = await begin(page, 'verified vote', ka.home.vote);
  const heading = page.getByRole('heading', { level: 1 });
  await visitor.choose(demoBallot.title.ka, { holds: true });
  await expect(heading).toHaveText(demoBallot.title.ka);
  const chosen = demoBallot.initiatives[1];
  if (!chosen) throw new Error('the demo ballot has two initiatives');
  await visitor.choose(chosen.title.ka, { holds: true });
  await visitor.choose(ka.vote.next);
  await expect(heading).toHaveText(ka.vote.personalTitle);
  await visitor.moveToTextBox();
  for (const digit of PERSONAL_NUMBER) await visitor.press(digit);
  await visitor.press('ArrowDown');
  await visitor.choose(ka.vote.next);
  await expect(heading).toHaveText(ka.vote.reviewTitle);
  await visitor.choose(ka.vote.send, { holds: true });
  await expect(heading).not.toHaveText(ka.vote.reviewTitle);
  expectFrictionless(visitor.figures());
  expect(spokenAloud(PERSONAL_NUMBER)).toEqual([]);
  expect(spokenAloud(chosen.title.ka).filter((text) => text.includes(ka.audio.states.checked))).toEqual([]);
});

test('feedback with a typed message and "tell me" by SMS, the answer arriving by SMS, then its status by tracking code, eyes-free', async ({
  page,
}) => {
  const visitor = await begin(page, 'feedback, 10 characters and a mobile number typed, "tell me"', ka.home.feedback);
  const heading = page.getByRole('heading', { level: 1 });
  await visitor.choose(ka.feedback.kinds.suggestion);
  await visitor.choose(ka.feedback.thisDesk, { holds: true });
  await visitor.choose(ka.feedback.next);
  await expect(heading).toHaveText(ka.feedback.messageTitle);
  // The voice message comes first in audio mode (the microphone here is ALSA's file device, and it works):
  // the screen starts the visitor on it (issue #35).
  expect(await visitor.focusedText()).toContain(ka.voice.record);
  await visitor.moveToTextBox();
  await visitor.typeOnGrid(MESSAGE, ka.keys.space);
  await expect(page.getByRole('textbox')).toHaveValue(MESSAGE);
  // The count on request: Repeat (R) on the keyboard says how many characters are typed, never which.
  await visitor.press('r');
  await expect
    .poll(() => kiosk.transcript.all().some((line) => line.text.includes(ka.keys.count_other.replace('{{count}}', '10'))))
    .toBe(true);
  await visitor.choose(ka.feedback.next);
  // A mobile number on the contact screen's keyboard, and "tell me", by keys: both private, never said aloud.
  await expect(heading).toHaveText(ka.feedback.contactTitle);
  await visitor.moveToTextBox();
  await visitor.typeOnGrid(MOBILE, ka.keys.space);
  await expect(page.getByRole('textbox')).toHaveValue(MOBILE);
  await visitor.choose(ka.feedback.notifyMe);
  await expect(page.getByRole('checkbox', { name: ka.feedback.notifyMe })).toHaveAttribute('aria-checked', 'true');
  await visitor.choose(ka.feedback.next);
  await expect(heading).toHaveText(ka.feedback.reviewTitle);
  await visitor.choose(ka.feedback.send);
  const shown = (await page.getByTestId('tracking-code').textContent()) ?? '';
  const code = shown.replace(/[^0-9A-Z]/g, '');
  expect(code).toHaveLength(8);
  await visitor.press('Enter');
  await expect(heading).toHaveText(ka.welcome.title);
  expectFrictionless(visitor.figures());
  expect(spokenAloud(MESSAGE)).toEqual([]);
  expect(spokenAloud(MOBILE)).toEqual([]);

  // A responder answers at Central (its console's form, posted as the browser would: the console has its own e2e).
  await answerAtCentral(code, ANSWER);
  // The answer's SMS arrives at the visitor's number, in Georgian, with the code.
  const toVisitor = () => centre.messages.filter((sms) => sms.to === `995${MOBILE}` && sms.text.includes(code));
  await expect.poll(() => toVisitor().some((sms) => sms.text.includes('პასუხი გაეცა')), { timeout: 30_000 }).toBe(true);
  expect(toVisitor().map((sms) => sms.text)).toContainEqual(expect.stringContaining('მიღებულია'));

  // The visitor comes back and asks for the status by the code, keys only: the answer is read back.
  const status = await begin(page, 'status by tracking code', ka.home.track);
  await expect(heading).toHaveText(ka.track.title);
  await status.moveToTextBox();
  await status.typeOnGrid(code, ka.keys.space);
  await status.choose(ka.track.check);
  await expect(page.getByTestId('answer')).toHaveText(ANSWER);
  await expect.poll(() => kiosk.transcript.all().some((line) => line.text.includes(ANSWER)), { timeout: 20_000 }).toBe(true);
  await status.moveTo(ka.track.finish, { holds: true });
  await status.press('Enter');
  await expect(heading).toHaveText(ka.welcome.title);
  expectFrictionless(status.figures());
});

/** A responder account made with Central's CLI, signed in, answering feedback `code` once it has reached Central. */
async function answerAtCentral(code: string, answer: string): Promise<void> {
  const added = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'sync/central/cli.ts'),
      'add-staff',
      '--user',
      'nino',
      '--role',
      'responder',
      '--data',
      kiosk.centralData,
    ],
    { cwd: ROOT, env: { ...process.env, PSH_STAFF_PASSWORD: 'responder-password-1' }, encoding: 'utf8' },
  );
  expect(added.status, added.stderr).toBe(0);
  const staff = await signInStaff({ url: kiosk.centralUrl }, 'nino', 'responder-password-1');
  if (!isSignedIn(staff)) throw new Error(`sign-in refused: ${String(staff.status)}`);
  await expect.poll(async () => (await staff.page(`/console/feedback/${code}`)).status, { timeout: 30_000 }).toBe(200);
  expect((await staff.post(`/console/feedback/${code}/respond`, { text: answer })).status).toBe(200);
}
