import { defineConfig } from '@playwright/test';
import chromiumConfig from './playwright.config.js';

/**
 * The kiosk in its real Electron window (tests/electron). Runs only where an
 * Electron binary exists (ELECTRON_PATH, or the one the electron package
 * downloaded); `npm test` reports it as not run elsewhere, never as passed.
 * Same timeouts and rules as the Chromium e2e; no browser to launch.
 */
export default defineConfig({
  ...chromiumConfig,
  testDir: 'tests/electron',
  outputDir: 'var/playwright-output-electron',
  use: { trace: 'retain-on-failure' },
});
