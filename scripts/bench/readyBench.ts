import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { freePort } from '../../tests/support/freePort.js';
import { writeKioskConfig } from '../../tests/support/processes.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCompiledKiosk } from './compiledKiosk.js';
import { median, round, type BenchResult } from './stats.js';

const RUNS = 5;

/**
 * kiosk.ready_ms: from spawning the browser host to the welcome screen's Start
 * button being visible and enabled in Chromium (already running, as on a kiosk
 * whose browser waits for the host).
 */
export async function benchKioskReady(): Promise<BenchResult[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const samples: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const dir = makeTempDir('bench-ready');
      // Central is deliberately absent: start-up must not wait for the network.
      const config = writeKioskConfig(dir.path, `http://127.0.0.1:${await freePort()}`);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const started = performance.now();
      const kiosk = await startCompiledKiosk(config);
      try {
        await page.goto(kiosk.url);
        const start = page.getByRole('button', { name: 'დაწყება', exact: true });
        await start.waitFor({ state: 'visible' });
        // Visible is not ready: a visitor's tap must work, so the button must also be enabled.
        for (let polls = 0; !(await start.isEnabled()); polls += 1) {
          if (polls > 2000) throw new Error('the Start button never became enabled');
          await page.waitForTimeout(5);
        }
        samples.push(performance.now() - started);
      } finally {
        await kiosk.stop();
        await page.close();
        dir.remove();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`kiosk ready: ${samples.map((v) => v.toFixed(0)).join(', ')} ms`);
  return [{ name: 'kiosk.ready_ms', value: round(median(samples), 1), unit: 'ms', limit: 1000, direction: 'max' }];
}
