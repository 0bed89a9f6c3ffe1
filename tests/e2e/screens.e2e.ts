import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { KioskPage } from './support/kioskPage.js';

// Every kiosk screen, in Georgian and English: checked by axe and saved as a
// screenshot (var/screenshots/) for people to look at.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-screens');
let kioskUrl = '';

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const central = await startCentralProcess(join(dir.path, 'central'), await freePort());
  running.push(central);
  // Short idle timeout so the warning can be reached with the page clock.
  const kiosk = await startKioskProcess(writeKioskConfig(dir.path, central.url, { idleTimeoutSec: 30, idleWarningSec: 20 }));
  running.push(kiosk);
  kioskUrl = kiosk.url;
});
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

const LANGUAGES = [
  { code: 'ka', name: 'ქართული', home: 'რისი გაკეთება გსურთ?', rate: 'შეაფასეთ მიღებული მომსახურება', good: 'კარგი', next: 'შემდეგი', skip: 'გაგზავნა კომენტარის გარეშე', finish: 'დასრულება', help: '? დახმარება', close: 'დახურვა', idle: 'ისევ აქ ხართ?', cont: 'გაგრძელება' },
  { code: 'en', name: 'English', home: 'What would you like to do?', rate: 'Rate the service you received', good: 'Good', next: 'Next', skip: 'Send without a comment', finish: 'Finish', help: '? Help', close: 'Close', idle: 'Are you still there?', cont: 'Continue' },
] as const;

/** Every button on the screen is a kiosk target: at least 72x72 CSS px (ACCESSIBILITY.md item 19). */
const expectLargeTargets = async (page: Page, screen: string) => {
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .map((button) => ({ name: button.textContent ?? '', rect: button.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && (rect.width < 72 || rect.height < 72))
      .map(({ name, rect }) => `${name} ${Math.round(rect.width)}x${Math.round(rect.height)}`),
  );
  expect(small, `targets under 72x72 on ${screen}`).toEqual([]);
};

const snap = async (page: Page, name: string) => {
  await page.evaluate(() => document.fonts.ready);
  await expectNoAxeViolations(page, name);
  await expectLargeTargets(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

for (const lang of LANGUAGES) {
  test(`every screen in ${lang.code}: accessible and photographed`, async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open(kioskUrl);
    await snap(page, `${lang.code}-01-welcome`);
    await kiosk.start('დაწყება');
    await snap(page, `${lang.code}-02-language`);
    await kiosk.chooseLanguage(lang.name);
    await expect(kiosk.heading()).toHaveText(lang.home);
    await snap(page, `${lang.code}-03-home`);
    await kiosk.button(lang.help).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await snap(page, `${lang.code}-04-help`);
    await kiosk.button(lang.close).click();
    await kiosk.button(lang.rate).click();
    await snap(page, `${lang.code}-05-rating`);
    await kiosk.button(lang.next).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await kiosk.rate(lang.good);
    await snap(page, `${lang.code}-06-rating-chosen`);
    await kiosk.button(lang.next).click();
    await snap(page, `${lang.code}-07-comment`);

    // Idle: the warning appears after the timeout, counts down, and Continue keeps the visitor's place.
    await page.clock.fastForward(31_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expect(page.getByRole('heading', { name: lang.idle })).toBeVisible();
    await snap(page, `${lang.code}-08-idle-warning`);
    await kiosk.button(lang.cont).click();
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await expect(page.getByRole('textbox')).toBeVisible();

    await kiosk.button(lang.skip).click();
    await kiosk.confirmationCode();
    await snap(page, `${lang.code}-09-thanks`);

    // Left alone on the thank-you screen, the kiosk resets to the welcome screen.
    await page.clock.fastForward(31_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.clock.fastForward(21_000);
    await expect(kiosk.button('დაწყება')).toBeVisible();
  });
}
