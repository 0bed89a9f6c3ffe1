import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { ka } from '../../sync/texts/ka.js';
import { TITLE_SPEECH_GOAL_S } from '../../sync/central/services/titleSpeech.js';
import { DEMO_TOKEN, writeKioskConfig } from '../../tests/support/processes.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCentralProcess } from './centralProcess.js';
import { startCompiledKiosk } from './compiledKiosk.js';
import { ListeningVisitor } from '../../tests/support/listeningVisitor.js';
import { percentile, round, type BenchResult } from './stats.js';

/** The home tiles, one visit each: every flow a visitor can take at the kiosk. */
const FLOWS: readonly (readonly [string, string])[] = [
  ['rating', ka.home.rate],
  ['survey', ka.home.survey],
  ['vote', ka.home.vote],
  ['feedback', ka.home.feedback],
  ['track', ka.home.track],
  ['propose', ka.home.propose],
  ['results', ka.home.results],
];

/**
 * Issue #35, "flows at a visitor's own pace": every screen of every flow,
 * heard in Georgian through headphones by a visitor who acts as soon as the
 * first choice begins. audio.speech_before_choice_p95_s is the 95th
 * percentile over the screens of the speech before that choice (goal <= 3 s);
 * each flow's time listening, apart from the rest, is printed.
 */
export async function benchListening(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-listening');
  const central = await startCentralProcess(join(dir.path, 'central'), DEMO_TOKEN, { args: ['--demo-data'], stderr: 'ignore' });
  const transcript = join(dir.path, 'transcript.jsonl');
  const config = writeKioskConfig(dir.path, central.url, { audio: { headsetIsOutput: true } });
  const kiosk = await startCompiledKiosk(config, { KIOSK_SPEECH_TRANSCRIPT: transcript });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(kiosk.url);
    const visitor = new ListeningVisitor(page, transcript);
    for (const [flow, tile] of FLOWS) await visitor.visit(flow, tile);
    for (const screen of visitor.screens)
      console.log(
        `listening: ${screen.flow} | ${screen.title} | ${screen.beforeChoiceS.toFixed(2)} s before the first choice, ${screen.afterTitleS.toFixed(2)} s of it after the title`,
      );
    for (const flow of visitor.flows)
      console.log(
        `listening: ${flow.flow}: ${String(flow.screens)} screens, ${flow.listeningS.toFixed(1)} s of speech heard, ${flow.otherS.toFixed(1)} s otherwise`,
      );
    const before = visitor.screens.map((screen) => screen.beforeChoiceS);
    return [
      {
        name: 'audio.speech_before_choice_p95_s',
        value: round(percentile(before, 95), 2),
        unit: 's',
        limit: TITLE_SPEECH_GOAL_S,
        direction: 'max',
      },
      { name: 'audio.speech_before_choice_max_s', value: round(Math.max(...before), 2), unit: 's' },
      // The choice follows the title at once: nothing else is said first, and its clip is ready (prefetched).
      {
        name: 'audio.after_title_before_choice_max_s',
        value: round(Math.max(...visitor.screens.map((screen) => screen.afterTitleS)), 2),
        unit: 's',
        limit: 0.3,
        direction: 'max',
      },
      { name: 'audio.screens_heard', value: before.length, unit: 'screens' },
    ];
  } finally {
    await browser.close();
    await kiosk.stop();
    await central.stop();
    dir.remove();
  }
}
