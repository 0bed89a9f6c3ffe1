import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

/** Every button on the screen is a kiosk target: at least 72x72 CSS px (ACCESSIBILITY.md item 19). */
export const expectLargeTargets = async (page: Page, screen: string) => {
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .map((button) => ({ name: button.textContent ?? '', rect: button.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && (rect.width < 72 || rect.height < 72))
      .map(({ name, rect }) => `${name} ${Math.round(rect.width)}x${Math.round(rect.height)}`),
  );
  expect(small, `targets under 72x72 on ${screen}`).toEqual([]);
};

/**
 * Nothing cut off: no screen hides content sideways, and only in large-text
 * mode may a screen scroll down (the bar stays put); otherwise it all fits.
 */
export const expectNothingHidden = async (page: Page, screen: string, mayScrollDown: boolean) => {
  const hidden = await page.evaluate((scrollOk) => {
    const boxes = Array.from(document.querySelectorAll('main, nav, .dialog'));
    return boxes
      .filter((box) => box.scrollWidth > box.clientWidth + 1 || (!scrollOk && box.scrollHeight > box.clientHeight + 1))
      .map(
        (box) =>
          `${box.tagName} ${String(box.scrollWidth)}x${String(box.scrollHeight)} in ${String(box.clientWidth)}x${String(box.clientHeight)}`,
      );
  }, mayScrollDown);
  expect(hidden, `content cut off on ${screen}`).toEqual([]);
};

/** A screen photographed to var/screenshots/<name>.png (first, so a failing check leaves its picture), then checked: axe, 72 px targets, nothing cut off. */
export async function photographAndCheck(page: Page, name: string, mayScrollDown = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const shots = join(import.meta.dirname, '..', '..', '..', 'var', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
  await expectNoAxeViolations(page, name);
  await expectLargeTargets(page, name);
  await expectNothingHidden(page, name, mayScrollDown);
}
