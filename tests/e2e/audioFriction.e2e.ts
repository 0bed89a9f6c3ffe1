import { expect, test, type Page } from '@playwright/test';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { pronounce } from '../../src-renderer/audio/pronunciation.js';
import { MAX_UTTERANCE_CHARS } from '../../src-renderer/audio/utteranceLength.js';
import { signName } from '../../src-renderer/i18n/keyNames.js';
import { ka } from '../../sync/texts/ka.js';
import { startAudioKiosk, TONE_DEVICE, type AudioKiosk } from './support/audioKiosk.js';
import { playingVolumes } from '../support/outputLevel.js';
import { KioskPage } from './support/kioskPage.js';
import { speechEvents } from './support/speechEvents.js';
import { fakeHeadsetJack } from '../support/fakeHeadsetJack.js';
import { makeTempDir } from '../support/tempDir.js';
import type { HeardLine } from './support/transcript.js';

// Eyes-free without friction (issue #13), by keys only, in Georgian, on a kiosk
// without a headset where the visitor keeps private things private. Each check
// is on what the kiosk said (the transcript of clips Chromium played).
const PERSONAL_NUMBER = '01024085927';
let kiosk: AudioKiosk;
let jack: ReturnType<typeof fakeHeadsetJack> | undefined;
let jackDir: ReturnType<typeof makeTempDir> | undefined;
test.beforeEach(async () => {
  // The microphone test needs a kiosk whose capture device does not exist (ALSA answers "no such device").
  const inputDevice = test.info().title.includes('microphone') ? 'pshmissing' : TONE_DEVICE;
  // The private vote's kiosk has a headphone jack its sound card reports (through a stand-in amixer: none here).
  const withJack = test.info().title.includes('private vote');
  jackDir = withJack ? makeTempDir('e2e-headphone-jack') : undefined;
  jack = jackDir ? fakeHeadsetJack(jackDir.path) : undefined;
  kiosk = await startAudioKiosk(
    'e2e-audio-friction',
    { audio: { inputDevice, headsetIsOutput: false, recordLimitSec: 120, ...(withJack ? { headsetJack: {} } : {}) } },
    [],
    {},
    jack?.env ?? {},
  );
});
test.afterEach(async () => {
  await kiosk.stop();
  jackDir?.remove();
});

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());

/** Presses a key until the focused element's text is `text`, or holds it (bounded, as a visitor would give up). */
async function moveTo(page: Page, text: string, key = 'ArrowDown', holds = false): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    const focused = await focusedText(page);
    if (holds ? focused.includes(text) : focused === text) return;
    await page.keyboard.press(key);
  }
  throw new Error(`"${text}" never took focus`);
}

/** Presses Down until a text box has focus. */
async function moveToTextBox(page: Page): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (
      await page.evaluate(() => document.activeElement instanceof HTMLTextAreaElement || document.activeElement instanceof HTMLInputElement)
    )
      return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('no text box took focus');
}

/** Audio on by holding Help, then "keep it private" chosen by keys in the dialog that asks. */
async function audioOnKeptPrivate(page: Page, kioskPage: KioskPage): Promise<void> {
  await kioskPage.open(kiosk.url);
  await page.keyboard.down('F1');
  await page.waitForTimeout(2300);
  await page.keyboard.up('F1');
  await expect(page.getByRole('dialog', { name: ka.audio.privacyTitle })).toBeVisible();
  await moveTo(page, ka.audio.keepPrivate);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
}

/** Audio on and kept private, Georgian chosen, then the home tile `tile`, all by keys: where most tests begin. */
async function openByKeys(page: Page, kioskPage: KioskPage, tile: string): Promise<void> {
  await audioOnKeptPrivate(page, kioskPage);
  await page.keyboard.press('Enter');
  await moveTo(page, 'ქართული');
  await page.keyboard.press('Enter');
  await moveTo(page, tile);
  await page.keyboard.press('Enter');
}

/** Key presses that are counted, for the "at most N presses" figures. */
function countedKeys(page: Page): { press: (key: string) => Promise<void>; presses: () => number } {
  let presses = 0;
  return {
    press: async (key) => {
      presses += 1;
      await page.keyboard.press(key);
    },
    presses: () => presses,
  };
}

const saidSince = async (kioskPage: AudioKiosk['transcript'], text: string) =>
  (await kioskPage.sinceMark()).some((line) => line.text.includes(text));

test('Enter does what the spoken hint says; typing is answered key by key and stays private; the keyboard is a grid', async ({ page }) => {
  const { transcript } = kiosk;
  transcript.attach(page);
  const kioskPage = new KioskPage(page);
  await audioOnKeptPrivate(page, kioskPage);

  // Defect 1: the welcome says "press Enter to start" with focus on its title; Enter starts.
  // After "audio on", the headset question and the dialog's choices: several clips, about 25 s of speech.
  await expect.poll(() => transcript.text(), { timeout: 45_000 }).toContain(pronounce(ka.hints.welcome, 'ka'));
  await expect(page.locator('#screen-title')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText(ka.language.title);
  // Where the hint says to move first, the screen starts on its first choice, said right after the title (issue #35).
  await expect(page.locator('#screen-title')).not.toBeFocused();
  const first = await focusedText(page);
  await expect.poll(async () => (await transcript.sinceMark()).some((line) => line.text.startsWith(`${first}, `))).toBe(true);
  await moveTo(page, 'ქართული');
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText(ka.home.title);
  // A key that does nothing here says so.
  await transcript.checkpoint();
  await page.keyboard.press('x');
  await expect.poll(() => saidSince(transcript, ka.audio.noSuchKey)).toBe(true);
  await moveTo(page, ka.home.feedback);
  await page.keyboard.press('Enter');

  // Defect 10: the kinds are plain choices, never "off".
  await expect(kioskPage.heading()).toHaveText(ka.feedback.kindTitle);
  await transcript.checkpoint();
  await moveTo(page, ka.feedback.kinds.suggestion);
  await expect.poll(() => saidSince(transcript, `${ka.feedback.kinds.suggestion}, ღილაკი`)).toBe(true);
  expect((await transcript.sinceMark()).some((line) => line.text.includes(ka.audio.states.off))).toBe(false);
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText(ka.feedback.serviceTitle);
  await moveTo(page, ka.feedback.thisDesk, 'ArrowDown', true);
  await page.keyboard.press('Enter');
  await moveTo(page, ka.feedback.next);
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText(ka.feedback.messageTitle);

  // Defect 3: the text box says how to reach the keyboard and leave; Down goes on into the keyboard.
  await transcript.checkpoint();
  await moveToTextBox(page);
  await expect(page.getByRole('textbox')).toBeFocused();
  await expect.poll(() => saidSince(transcript, ka.keys.textBoxHint)).toBe(true);

  // Eyes-free text entry: the keyboard is one stop and a grid. "კარგი რიგი" (10 characters) by arrows and Enter.
  const started = Date.now();
  const counted = countedKeys(page);
  const press = counted.press;
  await transcript.checkpoint();
  await press('ArrowDown');
  await expect.poll(() => saidSince(transcript, pronounce(ka.keys.gridHint, 'ka'))).toBe(true);
  const rowsNow = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('.osk-row')).map((row) =>
        Array.from(row.querySelectorAll('button')).map((key) => (key.textContent ?? '').replace(/^[⌫⇧] /, '')),
      ),
    );
  /**
   * Walks the grid to the key printed `printed`, as a visitor who knows the layout would: each press waits
   * until the key it lands on has been heard (the next decision is made from what was said).
   */
  const walkTo = async (printed: string, count: (key: string) => Promise<void>) => {
    const rows = await rowsNow();
    const where = (text: string): [number, number] => {
      for (const [row, keys] of rows.entries()) if (keys.includes(text)) return [row, keys.indexOf(text)];
      throw new Error(`no key ${text}`);
    };
    const [toRow, toColumn] = where(printed);
    const step = async (key: string) => {
      await transcript.checkpoint();
      await count(key);
      const landed = (await focusedText(page)).replace(/^[⌫⇧] /, '');
      const heardAs = signName(landed, 'ka') ?? landed;
      await expect.poll(() => saidSince(transcript, heardAs), { message: `the key "${landed}" was heard` }).toBe(true);
    };
    let [row, column] = where((await focusedText(page)).replace(/^[⌫⇧] /, ''));
    while (row !== toRow) {
      await step(row < toRow ? 'ArrowDown' : 'ArrowUp');
      [row, column] = where((await focusedText(page)).replace(/^[⌫⇧] /, ''));
    }
    const length = rows[row]?.length ?? 1;
    const right = (toColumn - column + length) % length;
    for (let moved = 0; moved < Math.min(right, length - right); moved += 1)
      await step(right <= length - right ? 'ArrowRight' : 'ArrowLeft');
  };
  for (const char of 'კარგი რიგი') {
    await walkTo(char === ' ' ? ka.keys.space : char, press);
    await transcript.checkpoint();
    await press('Enter');
    // Defect 2: every key typed is answered, and on the loudspeaker by a word that never names it.
    await expect.poll(() => saidSince(transcript, ka.keys.typed)).toBe(true);
  }
  const seconds = (Date.now() - started) / 1000;
  await expect(page.getByRole('textbox')).toHaveValue('კარგი რიგი');
  console.log(`eyes-free typing: 10 characters in ${String(counted.presses())} key presses, ${seconds.toFixed(1)} s`);
  expect(counted.presses()).toBeLessThanOrEqual(60);
  expect(seconds).toBeLessThanOrEqual(60);

  // Defect 9: a sign has a spoken name, in the screen's voice.
  const uncounted = (key: string) => page.keyboard.press(key);
  await walkTo(',', uncounted);
  await expect
    .poll(async () => (await transcript.sinceMark()).some((line) => line.lang === 'ka' && line.text.startsWith('მძიმე, ღილაკი')))
    .toBe(true);
  // Issue #35: then, after a pause, where the key is on the keyboard, so the layout can be learnt by ear.
  const layout = await rowsNow();
  const commaRow = layout.findIndex((keys) => keys.includes(','));
  const keysOfRow = layout[commaRow] ?? [];
  const position = ka.keys.position
    .replace('{{row}}', String(commaRow + 1))
    .replace('{{rows}}', String(layout.length))
    .replace('{{column}}', String(keysOfRow.indexOf(',') + 1))
    .replace('{{columns}}', String(keysOfRow.length));
  await expect.poll(() => saidSince(transcript, position)).toBe(true);

  // Down from the last row leaves the keyboard for the next control.
  for (let presses = 0; presses < 6 && (await page.evaluate(() => Boolean(document.activeElement?.closest('.osk')))); presses += 1)
    await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.osk')))).toBe(false);

  // Defect 8: the keyboard switch says "keyboard:" in Georgian and the language's name in its own voice.
  await transcript.checkpoint();
  await moveTo(page, 'კლავიატურა', 'ArrowDown', true);
  await expect.poll(async () => (await transcript.sinceMark()).some((line) => line.lang === 'en' && line.text === 'English')).toBe(true);
  await page.keyboard.press('Enter');
  // Latin letters on a Georgian screen are read by the English voice.
  for (let presses = 0; presses < 6 && !(await page.evaluate(() => Boolean(document.activeElement?.closest('.osk')))); presses += 1)
    await page.keyboard.press('ArrowUp');
  await walkTo('q', uncounted);
  await expect.poll(() => transcript.all().some((line) => line.lang === 'en' && line.text === 'q')).toBe(true);

  // Nothing typed was said on the loudspeaker: the message is in no line of the transcript.
  const lines: HeardLine[] = transcript.all();
  expect(lines.filter((line) => line.text.includes('კარგი რიგი'))).toEqual([]);
  // Defect 10: no phrase so long it cannot be cut without losing the rest (here nothing is content asked for).
  expect(lines.filter((line) => line.text.length > MAX_UTTERANCE_CHARS).map((line) => line.text)).toEqual([]);
});

test('a private vote: names first, descriptions after a pause, checkboxes as checkboxes, choices confirmed by count only', async ({
  page,
}) => {
  const { transcript } = kiosk;
  transcript.attach(page);
  const kioskPage = new KioskPage(page);
  await openByKeys(page, kioskPage, ka.home.vote);
  await moveTo(page, demoBallot.title.ka, 'ArrowDown', true);
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText(demoBallot.title.ka);

  const stepFree = demoBallot.initiatives.find((initiative) => initiative.id === 'step-free');
  if (!stepFree) throw new Error('the demo ballot has a step-free initiative');
  await transcript.checkpoint();
  await moveTo(page, stepFree.title.ka, 'ArrowDown', true);
  // Defects 4 and 5: the title alone, as a checkbox, its state kept private; the description follows, once.
  await expect.poll(() => saidSince(transcript, stepFree.description.ka)).toBe(true);
  const heard = await transcript.sinceMark();
  const named = heard.find((line) => line.text.startsWith(stepFree.title.ka));
  expect(named?.text).toBe(`${stepFree.title.ka}, ${ka.audio.roles.checkbox}`);
  expect(heard.filter((line) => line.text.includes(stepFree.description.ka))).toHaveLength(1);
  expect(heard.some((line) => line.text === ka.audio.states.hidden)).toBe(true);

  // Defect 6: choosing says how many are chosen, never which, and never "checked" after the name.
  await transcript.checkpoint();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: stepFree.title.ka })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => saidSince(transcript, ka.audio.chosenCount.replace('{{count}}', '1'))).toBe(true);

  // An 11-digit personal number, by keys: the keypad's digits type straight into the field, Down moves on.
  await moveTo(page, ka.vote.next);
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText(ka.vote.personalTitle);
  const counted = countedKeys(page);
  const press = counted.press;
  await transcript.checkpoint();
  await press('ArrowDown');
  await expect(page.getByRole('textbox', { name: ka.vote.personalLabel })).toBeFocused();
  await expect.poll(() => saidSince(transcript, ka.keys.textBoxHint)).toBe(true);
  // A key's answer comes after the browser applied the key; by then the visitor may have moved on (a CI run heard the
  // last digit's "typed" cut the review's announcement). Here a key and a move in one task: the move is all that is said.
  await transcript.checkpoint();
  const linesBefore = transcript.all().length;
  await page.evaluate((label) => {
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    const next = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === label);
    next?.focus();
  }, ka.vote.next);
  await expect.poll(() => saidSince(transcript, ka.vote.next)).toBe(true);
  await page.waitForTimeout(300);
  expect(
    transcript
      .all()
      .slice(linesBefore)
      .map((line) => line.text),
  ).not.toContain(pronounce(ka.keys.notTyped, 'ka'));
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('textbox', { name: ka.vote.personalLabel })).toBeFocused();
  for (const digit of PERSONAL_NUMBER) await press(digit);
  await press('ArrowDown');
  expect(await focusedText(page)).toBe(ka.vote.next);
  await press('Enter');
  await expect(kioskPage.heading()).toHaveText(ka.vote.reviewTitle);
  console.log(`eyes-free personal number: 11 digits in ${String(counted.presses())} key presses`);
  expect(counted.presses()).toBeLessThanOrEqual(25);

  // Issue #35: the review does not let the choices pass unheard in silence: it says they are not read aloud, and
  // how to hear them; "read it quietly" reads them once, marked private, at a low volume.
  await expect.poll(() => saidSince(transcript, pronounce(ka.audio.reviewHidden, 'ka'))).toBe(true);
  await transcript.checkpoint();
  await moveTo(page, ka.audio.readQuietly);
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await transcript.sinceMark()).some((line) => line.private && line.text.includes(stepFree.title.ka)))
    .toBe(true);
  const quietVolumes = () => playingVolumes(page);
  await expect.poll(quietVolumes).toEqual([expect.any(Number)]);
  expect((await quietVolumes())[0] ?? 1).toBeLessThanOrEqual(0.2);

  // Nothing private on the loudspeaker unasked: neither the number nor which initiative was chosen.
  // (The quiet read-back's lines are marked private, as its clip was synthesised: these check every public line.)
  const all = transcript.all();
  expect(all.filter((line) => !line.private && line.text.replace(/\D/g, '').includes(PERSONAL_NUMBER))).toEqual([]);
  expect(
    all.filter((line) => !line.private && line.text.includes(ka.audio.states.checked) && !line.text.includes(ka.audio.states.notChecked)),
  ).toEqual([]);

  // Issue #35: headphones plugged in (the sound card reports its jack): the kiosk says so, and reads the review
  // again, the choice now in the headphones; unplugged, it says that private text is no longer read aloud, and the
  // review keeps it private again.
  await page.keyboard.press('s');
  await transcript.checkpoint();
  jack?.plug(true);
  await expect.poll(() => saidSince(transcript, ka.audio.headsetIn), { timeout: 10_000 }).toBe(true);
  await expect
    .poll(async () => (await transcript.sinceMark()).some((line) => line.private && line.text.includes(stepFree.title.ka)))
    .toBe(true);
  expect(await saidSince(transcript, pronounce(ka.audio.reviewHidden, 'ka'))).toBe(false);
  await transcript.checkpoint();
  jack?.plug(false);
  await expect.poll(() => saidSince(transcript, ka.audio.headsetOut), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => saidSince(transcript, pronounce(ka.audio.reviewHidden, 'ka'))).toBe(true);
});

test('a microphone that does not work is said before anyone is asked to speak', async ({ page }) => {
  const { transcript } = kiosk;
  transcript.attach(page);
  const kioskPage = new KioskPage(page);
  await openByKeys(page, kioskPage, ka.home.feedback);
  await moveTo(page, ka.feedback.kinds.complaint);
  await page.keyboard.press('Enter');
  await moveTo(page, ka.feedback.thisDesk, 'ArrowDown', true);
  await page.keyboard.press('Enter');
  await moveTo(page, ka.feedback.next);
  await page.keyboard.press('Enter');
  await expect(kioskPage.heading()).toHaveText(ka.feedback.messageTitle);
  await moveTo(page, ka.voice.record, 'ArrowDown', true);
  await transcript.checkpoint();
  await page.keyboard.press('Enter');
  // Defect 7: the problem, at once, and never the instructions to speak after a tone.
  await expect.poll(() => saidSince(transcript, ka.voice.failed)).toBe(true);
  const instructions = ka.voice.instructions.slice(0, 20);
  await page.waitForTimeout(1500);
  expect((await transcript.sinceMark()).filter((line) => line.text.includes(instructions))).toEqual([]);
});

test('a survey says why its number of questions changed, and a ranking its order and how to move an item', async ({ page }) => {
  const { transcript } = kiosk;
  transcript.attach(page);
  const kioskPage = new KioskPage(page);
  await openByKeys(page, kioskPage, ka.home.survey);
  await moveTo(page, demoSurvey.title.ka, 'ArrowDown', true);
  await page.keyboard.press('Enter');
  const question = (id: string) => demoSurvey.questions.find((candidate) => candidate.id === id);
  const choose = async (name: string) => {
    await moveTo(page, name, 'ArrowDown', true);
    await page.keyboard.press('Enter');
    await moveTo(page, ka.survey.next);
    await page.keyboard.press('Enter');
  };
  const visits = question('visits');
  if (!visits || !('choices' in visits) || !visits.choices[0]) throw new Error('the demo survey starts with a choice');
  await choose(visits.choices[0].label.ka);
  await expect(kioskPage.heading()).toHaveText(question('online')?.text.ka ?? '');
  // Yes to online services: a question about them joins the survey, and the next screen says why the total grew.
  await transcript.checkpoint();
  await choose(ka.survey.yes);
  await expect(kioskPage.heading()).toHaveText(question('online-rating')?.text.ka ?? '');
  await expect.poll(() => saidSince(transcript, ka.audio.totalChanged)).toBe(true);
  // Issue #35: the title's bracketed remark (the scale's ends) waits until the first choice has been said.
  const [asked = '', written = ''] = (question('online-rating')?.text.ka ?? '').replace(')', '').split(' (');
  const aside = written.replace(/\s*=\s*/gu, ' '); // "1 = poor": no voice reads "=", the kiosk leaves it out
  const clipOf = async (starts: string) => (await transcript.sinceMark()).find((line) => line.text.startsWith(starts))?.clip;
  await expect.poll(() => clipOf(aside)).toBeDefined();
  const plays = (await speechEvents(page)).filter((event) => event.type === 'play').map((event) => event.src);
  const playedAt = async (starts: string) => plays.lastIndexOf(`/api/media/speech/${(await clipOf(starts)) ?? '?'}.wav`);
  expect((await transcript.sinceMark()).find((line) => line.text.startsWith(asked))?.text).not.toContain(aside);
  expect(await playedAt(asked)).toBeLessThan(await playedAt('1, '));
  expect(await playedAt('1, ')).toBeLessThan(await playedAt(aside));
  await transcript.checkpoint();
  await choose('4');
  await expect(kioskPage.heading()).toHaveText(question('priorities')?.text.ka ?? '');
  await expect.poll(() => saidSince(transcript, ka.survey.rankHelp)).toBe(true);
  await expect.poll(() => saidSince(transcript, ka.survey.currentOrder.split('{{')[0] ?? '')).toBe(true);
  // Not "use the arrows": the arrows move between controls, not items.
  expect(transcript.all().some((line) => line.text.includes('გამოიყენეთ ისრები'))).toBe(false);
  // The first item cannot move up: Enter on its button says it is unavailable rather than nothing.
  await moveTo(page, '▲');
  await transcript.checkpoint();
  await page.keyboard.press('Enter');
  await expect.poll(() => saidSince(transcript, ka.audio.states.unavailable)).toBe(true);
});
