import { chromium, type Locator, type Page } from '@playwright/test';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { freePort } from '../../tests/support/freePort.js';
import { writeKioskConfig } from '../../tests/support/processes.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCompiledKiosk } from './compiledKiosk.js';
import { median, percentile, round, type BenchResult } from './stats.js';

const TAPS = 200;

/**
 * Page-side probe (a plain JS string: this script is type-checked for Node,
 * without DOM types). A tap is measured from its pointerdown to the first
 * frame painted after its click was handled: the click listener on window runs
 * after React's own (React flushes a discrete event's update before it
 * returns), then rAF runs before the next paint and a 0 ms timeout right after it.
 */
const PROBE = `(() => {
  window.benchTaps = [];
  let downAt = null;
  window.addEventListener('pointerdown', (event) => { downAt = event.timeStamp; }, { capture: true });
  window.addEventListener('click', () => {
    if (downAt === null) return;
    const started = downAt;
    downAt = null;
    requestAnimationFrame(() => setTimeout(() => window.benchTaps.push(performance.now() - started), 0));
  });
})()`;

const label = (questionId: string, choiceId: string) => {
  const question = demoSurvey.questions.find((q) => q.id === questionId);
  const choice = question && 'choices' in question ? question.choices.find((c) => c.id === choiceId) : undefined;
  return choice?.label.en ?? choiceId;
};

/** kiosk.tap_to_paint_p95_ms: 200 scripted taps through the demo survey (answers, changes of mind, reordering, Next) in Chromium. */
export async function benchTapToPaint(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-tap');
  const kiosk = await startCompiledKiosk(writeKioskConfig(dir.path, `http://127.0.0.1:${await freePort()}`));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: 'დაწყება', exact: true }).click();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'Surveys', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(demoSurvey.title.en ?? '') }).click();
    await page.evaluate(PROBE);
    let taps = 0;
    const tap = async (target: Locator) => {
      await target.click();
      taps += 1;
    };
    const next = () => tap(page.getByRole('button', { name: 'Next', exact: true }));
    const radio = (name: string) => page.getByRole('radio', { name, exact: true });
    const checkbox = (name: string) => page.getByRole('checkbox', { name, exact: true });

    for (let i = 0; i < 10; i += 1) for (const id of ['monthly', 'yearly', 'first']) await tap(radio(label('visits', id)));
    await next();
    for (let i = 0; i < 10; i += 1) for (const name of ['Yes', 'No']) await tap(radio(name));
    await tap(radio('Yes'));
    await next();
    for (let i = 0; i < 6; i += 1) for (const value of ['1', '2', '3', '4', '5']) await tap(radio(value));
    await next();
    const items = ['online-queue', 'home-delivery', 'mobile-office', 'sign-language', 'evening-hours'].map((id) => label('priorities', id));
    for (let i = 0; i < 20; i += 1) {
      const name = items[i % (items.length - 1)] ?? ''; // never the last: it cannot move down
      await tap(page.getByRole('button', { name: `Move “${name}” down` }));
      await tap(page.getByRole('button', { name: `Move “${name}” up` }));
    }
    await next();
    for (let i = 0; i < 10; i += 1) for (const id of ['sms', 'website']) await tap(checkbox(label('informed', id)));
    await tap(checkbox(label('informed', 'sms')));
    await next();
    const faces = ['Very bad', 'Bad', 'Average', 'Good', 'Very good'];
    for (let i = 0; taps < TAPS; i += 1) await tap(radio(faces[i % faces.length] ?? 'Good'));

    // The last tap's frame is measured after it returns: wait until every tap has its sample.
    let samples: number[] = [];
    for (let polls = 0; samples.length < TAPS && polls < 200; polls += 1) {
      await page.waitForTimeout(10);
      samples = await page.evaluate<number[]>('window.benchTaps');
    }
    if (samples.length < TAPS) throw new Error(`only ${samples.length} of ${TAPS} taps measured`);
    console.log(
      `kiosk.tap_to_paint: ${samples.length} taps, median ${round(median(samples), 1)} ms, p95 ${round(percentile(samples, 95), 1)} ms, max ${round(Math.max(...samples), 1)} ms`,
    );
    return [
      { name: 'kiosk.tap_to_paint_p95_ms', value: round(percentile(samples, 95), 1), unit: 'ms', limit: 32, direction: 'max' },
      { name: 'kiosk.tap_to_paint_median_ms', value: round(median(samples), 1), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await kiosk.stop();
    dir.remove();
  }
}
