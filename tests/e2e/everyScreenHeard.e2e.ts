import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pronounce } from '../../src-renderer/audio/pronunciation.js';
import { ka } from '../../sync/texts/ka.js';
import { freePort } from '../support/freePort.js';
import { clipTexts, events, ListeningVisitor } from '../support/listeningVisitor.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';

// ADA 707.5.1 and issue #35, on every screen of every flow the home screen offers
// (with Central's demo data, so the results flow has a published result): a blind
// visitor with headphones, by keys, in Georgian, hears each screen's first choice
// right after its title; then, on that screen, Repeat says the screen again,
// Stop silences it at once, and the speech rate is theirs to change (and back).
const FLOWS = [ka.home.rate, ka.home.survey, ka.home.vote, ka.home.feedback, ka.home.track, ka.home.propose, ka.home.results];
const dir = makeTempDir('e2e-every-screen');
const running: RunningProcess[] = [];
const transcript = join(dir.path, 'transcript.jsonl');
let kioskUrl = '';

test.beforeAll(async () => {
  const central = await startCentralProcess(join(dir.path, 'central'), await freePort(), {}, ['--demo-data']);
  running.push(central);
  const config = writeKioskConfig(dir.path, central.url, { audio: { headsetIsOutput: true } });
  running.push(await startKioskProcess(config, { KIOSK_SPEECH_TRANSCRIPT: transcript }));
  kioskUrl = running[1]?.url ?? '';
});
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The texts of the clips that started playing since `since` (page time), in order. */
async function playedSince(page: Page, since: number): Promise<string[]> {
  const texts = clipTexts(transcript);
  return (await events(page)).filter((event) => event.at >= since && event.type === 'play').map((event) => texts.get(event.src) ?? '?');
}

/** Waits up to 5 s for `check` on what played since `since`; false if it never held. */
async function heard(page: Page, since: number, check: (played: string[]) => boolean): Promise<boolean> {
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    if (check(await playedSince(page, since))) return true;
    await page.waitForTimeout(50);
  }
  return false;
}

/** Repeat, Stop and the rate on one screen whose speech began at `began`; each failure is described for the test's report. */
async function repeatStopAndRate(page: Page, title: string, began: number): Promise<string[]> {
  const problems: string[] = [];
  const screenClips = new Set((await events(page)).filter((event) => event.at >= began && event.type === 'play').map((event) => event.src));
  let since = await now(page);
  await page.keyboard.press('r');
  // Repeat says the screen's last phrase again: its announcement (after "audio mode on", on the first screen).
  const repeated = async () => (await events(page)).find((event) => event.at >= since && event.type === 'play');
  if (!(await heard(page, since, (played) => played.length > 0)) || !screenClips.has((await repeated())?.src ?? ''))
    problems.push('Repeat did not say the screen again');
  since = await now(page);
  await page.keyboard.press('s');
  // Stop is immediate (the player's stop() is synchronous): a stop event right after the key, and nothing after it.
  const stopped = (await events(page)).find((event) => event.at >= since && event.type === 'stop');
  await page.waitForTimeout(300);
  if (!stopped) problems.push('Stop did not stop the speech');
  else if ((await playedSince(page, stopped.at)).length > 0) problems.push('speech went on after Stop');
  // The rate up, then back down: each says the new rate (the first is cut by the second, as a visitor's quick keys would).
  since = await now(page);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageDown');
  const said = (percent: string) => ka.audio.rate.replace('{{percent}}', percent);
  if (!(await heard(page, since, (played) => played.includes(said('100')))))
    problems.push(`the rate did not come back to "${said('100')}"`);
  if (!readFileSync(transcript, 'utf8').includes(said('114'))) problems.push(`Page Up did not make "${said('114')}"`);
  return problems.map((problem) => `${title}: ${problem}`);
}

test('every screen of every flow, heard: its first choice right after its title; Repeat, Stop and the rate work there', async ({
  page,
}) => {
  test.setTimeout(6 * 60_000);
  await page.goto(kioskUrl);
  const problems: string[] = [];
  const visitor = new ListeningVisitor(page, transcript, {
    onScreen: async (title, began) => {
      problems.push(...(await repeatStopAndRate(page, title, began)));
    },
    hurryOnSeenScreens: true,
  });
  for (const tile of FLOWS) await visitor.visit(tile, tile);
  const titles = visitor.screens.map((screen) => screen.title);
  console.log(
    `${String(titles.length)} screens heard; after their titles, the longest wait for the first choice: ${Math.max(...visitor.screens.map((screen) => screen.afterTitleS)).toFixed(2)} s`,
  );
  // Every kind of screen was reached: reviews, thank-yous, the tracking result, a published result.
  for (const title of [ka.review.title, ka.vote.reviewTitle, ka.thanks.title, ka.results.listTitle]) expect(titles).toContain(title);
  expect(titles.length).toBeGreaterThanOrEqual(30);
  // A screen of choices starts on its first one (issue #35): the lists, the home and language screens.
  const onAChoice = visitor.screens.filter((screen) => screen.focusedText).map((screen) => screen.title);
  for (const title of [
    ka.language.title,
    ka.home.title,
    ka.feedback.kindTitle,
    ka.survey.listTitle,
    ka.vote.listTitle,
    ka.results.listTitle,
  ])
    expect(onAChoice).toContain(title);
  // What follows the title is the first choice: the focused control's own phrase, or, on a screen that starts on
  // its title, the hint (what Enter does there); never where you are or how many choices there are.
  const hints = Object.values(ka.hints).map((hint) => pronounce(hint, 'ka'));
  const notAChoice = visitor.screens.filter((screen) =>
    screen.focusedText
      ? !screen.choiceSaid.startsWith(pronounce(screen.focusedText, 'ka').slice(0, 8))
      : !hints.some((hint) => screen.choiceSaid.startsWith(hint)),
  );
  expect(notAChoice.map((screen) => `${screen.title} -> ${screen.choiceSaid}`)).toEqual([]);
  // Nothing is said between them (a pause would be 0.7 s), and the choice's clip is ready (prefetched) by then.
  console.log(visitor.screens.map((screen) => `${screen.title}: ${screen.afterTitleS.toFixed(2)} s after the title`).join('\n'));
  expect(visitor.screens.filter((screen) => screen.afterTitleS > 0.6)).toEqual([]);
  expect(problems).toEqual([]);
});
