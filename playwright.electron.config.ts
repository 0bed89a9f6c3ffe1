import { defineConfig } from '@playwright/test';

/**
 * The kiosk in its real Electron window (tests/electron). Runs only where an
 * Electron binary exists (ELECTRON_PATH, or the one the electron package
 * downloaded); `npm test` reports it as not run elsewhere, never as passed.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'var/playwright-output-electron',
});
