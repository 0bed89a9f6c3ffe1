import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.js';

// `npm run assets:icon`: assets/icons/icon.svg rendered to the 512x512 PNG electron-builder packs, by Debian's Chromium.
const ICONS = join(import.meta.dirname, '..', 'assets', 'icons');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0">${readFileSync(join(ICONS, 'icon.svg'), 'utf8')}</body></html>`);
  await page.locator('svg').screenshot({ path: join(ICONS, 'icon.png'), omitBackground: true });
  console.log(`Rendered ${join(ICONS, 'icon.png')}`);
} finally {
  await browser.close();
}
