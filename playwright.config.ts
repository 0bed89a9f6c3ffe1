import { defineConfig } from '@playwright/test';

/** Debian's Chromium, never a downloaded browser (none can be fetched on these machines). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // A kiosk speaks on its own (audio mode, the attract hint): no autoplay gesture rule.
  '--autoplay-policy=no-user-gesture-required',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  // Each test starts its own Central and kiosk processes; two cores, so one worker.
  workers: 1,
  // A focused test would hide the rest of the suite.
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // Playwright empties this folder at start, so it is not where test reports go.
  outputDir: 'var/playwright-output',
  use: {
    headless: true,
    viewport: { width: 1920, height: 1080 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
});
