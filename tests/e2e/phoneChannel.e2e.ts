import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { CARD_SIZES } from '../../sync/central/console/deskPages.js';
import { en } from '../../sync/texts/en.js';
import { ka } from '../../sync/texts/ka.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';

// The phone channel (issue #16) as a citizen's phone meets it: a demo Central (desks TB01-07 and TB01-08), Chromium
// as a phone (375×667, touch). The flows are walked with JavaScript off, from the desk's URL to the confirmation;
// every page is checked by axe in Georgian and English, with large text and high contrast, and at 320 px; a desk card
// is printed to PDF, rasterised, its QR code decoded and its modules measured.
const jsQR = jsQRModule.default;
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots', 'phone');
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } as const;
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-phone');
let url = '';

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const central = await startCentralProcess(join(dir.path, 'central'), await freePort(), {}, ['--demo-data']);
  running.push(central);
  url = central.url;
});
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  dir.remove();
});

const shootPage = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const shoot = shootPage;
const phone = (browser: Browser, javaScriptEnabled: boolean): Promise<BrowserContext> =>
  browser.newContext({ ...PHONE, javaScriptEnabled });

// Each flow from the desk URL to its confirmation, once with JavaScript off and once on (the pages must not
// depend on it, and the one script they have, the feedback page's voice recorder, must not get in the way).
for (const javaScript of [false, true]) {
  test(`with JavaScript ${javaScript ? 'on' : 'off'}, a phone rates desk TB01-07, takes the survey, leaves feedback, votes and proposes, each to its confirmation`, async ({
    browser,
  }) => {
    const page = await (await phone(browser, javaScript)).newPage();
    // The screenshots are of the pages as most phones see them: taken once, in the run with JavaScript off.
    const shoot = (target: Page, name: string) => (javaScript ? Promise.resolve() : shootPage(target, name));
    // Rating, in Georgian (the default).
    await page.goto(`${url}/D/TB01-07`);
    await page.getByRole('link', { name: ka.home.rate }).tap();
    await page.getByRole('button', { name: 'გაგრძელება' }).tap();
    await expect(page.getByRole('link', { name: ka.rating.chooseFirst })).toBeVisible();
    await page.getByLabel('კარგი', { exact: true }).check();
    await page.getByRole('button', { name: 'გაგრძელება' }).tap();
    await page.getByRole('textbox').fill('სწრაფი მომსახურება');
    await page.getByRole('button', { name: ka.comment.send }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ka.thanks.title);
    await shoot(page, 'ka-rating-thanks');

    // The survey, in English: the language switch is kept for the rest of the visit.
    await page.goto(`${url}/D/TB01-07?lang=en`);
    await page.getByRole('link', { name: /^Surveys/ }).tap();
    await page.getByRole('link', { name: demoSurvey.title.en ?? '' }).tap();
    await page.getByRole('link', { name: 'Continue' }).tap();
    await page.getByLabel('Once a month or more').check();
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByRole('button', { name: 'Move “Evening opening hours” up' }).tap();
    await expect(page.getByRole('status')).toHaveText('Evening opening hours: now 4 of 5.');
    await shoot(page, 'en-survey-ranking');
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByLabel('The website').check();
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByRole('textbox').fill('Saturdays, please');
    await page.getByRole('button', { name: 'Continue' }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
    await expect(page.getByText('4. Evening opening hours; 5. A sign-language video interpreter')).toBeVisible();
    await page.getByRole('button', { name: en.survey.send }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.survey.thanksTitle);
    await page.getByRole('link', { name: 'Your receipt in the public record' }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your receipt');

    // Feedback at the desk with four services: the service is asked.
    await page.goto(`${url}/D/TB01-08/feedback`);
    await page.getByLabel(en.feedback.kinds.suggestion).check();
    await page.getByLabel('ID card and passport').check();
    await page.getByLabel(en.feedback.messageLabel).fill('A ramp at the side entrance');
    await page.getByRole('button', { name: en.feedback.send }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.feedback.thanksTitle);
    const code = (await page.locator('.panel .code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shoot(page, 'en-feedback-thanks');
    await page.getByRole('link', { name: 'Follow your feedback' }).tap();
    await expect(page.getByText('A ramp at the side entrance')).toBeVisible();
    await shoot(page, 'en-track-result');

    // A verified vote: the personal number is asked on the page that sends it.
    await page.goto(`${url}/D/TB01-07`);
    await page.getByRole('link', { name: /^Vote on initiatives/ }).tap();
    await page.locator('a.tile').first().tap();
    await page.locator('#choice').check();
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByLabel(en.vote.personalLabel).fill(javaScript ? '01024085928' : '01024085927');
    await page.getByRole('button', { name: en.vote.send }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.vote.thanksTitle);
    await shoot(page, 'en-vote-thanks');

    // A proposal, with its tracking code and status page.
    await page.goto(`${url}/D/TB01-07/propose`);
    await page.getByLabel(en.propose.titleLabel).fill('Notary at the branch on Saturdays');
    await page.getByRole('button', { name: en.propose.send }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.propose.thanksTitle);
    await page.getByRole('link', { name: 'Follow your proposal' }).tap();
    await expect(page.getByText('Notary at the branch on Saturdays')).toBeVisible();
  });
}

test('every phone page has no axe violation in Georgian and English, in the normal, large-text and high-contrast modes, and at 320 px', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // axe runs as a script, so this context has JavaScript on; the pages themselves carry none (their CSP allows none),
  // except the feedback page's voice recorder, which then shows itself as it would on a phone that can record.
  const context = await phone(browser, true);
  const page = await context.newPage();
  const check = async (name: string) => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, name);
    // Nothing scrolls sideways, at 375 px and at 320 px (a small phone, or 400% zoom of a 1280 px window).
    const width = page.viewportSize()?.width ?? 0;
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
    await shoot(page, name);
  };
  /** Every page of every flow, its errors included, as a new visitor with this language and display. */
  const walk = async (lang: 'ka' | 'en', display: 'normal' | 'large-contrast', tag: string) => {
    const words = lang === 'ka' ? ka : en;
    const next = lang === 'ka' ? 'გაგრძელება' : 'Continue';
    const switches = display === 'normal' ? 'text=normal&contrast=normal' : 'text=large&contrast=high';
    // Each pass as a new visitor: nothing chosen in another pass is pre-filled.
    await context.clearCookies();
    await page.goto(`${url}/D/TB01-08?lang=${lang}&${switches}`);
    await check(`${tag}-desk`);
    // The web site's entry: the same pages without a desk.
    await page.goto(`${url}/take-part`);
    await check(`${tag}-web-start`);
    await page.goto(`${url}/D/TB01-08/track?code=ABC`);
    await check(`${tag}-track-error`);
    await page.goto(`${url}/D/TB01-08/rate`);
    await page.getByRole('button', { name: next }).tap();
    await check(`${tag}-rate-error`);
    await page.locator('#score').check();
    await page.getByRole('button', { name: next }).tap();
    await check(`${tag}-rate-comment`);
    await page.getByRole('button', { name: words.comment.send }).tap();
    await check(`${tag}-rate-thanks`);
    await page.goto(`${url}/D/TB01-08/surveys`);
    await check(`${tag}-surveys`);
    await page.goto(`${url}/D/TB01-08/surveys/${demoSurvey.id}`);
    await check(`${tag}-survey-start`);
    await page.goto(`${url}/D/TB01-08/surveys/${demoSurvey.id}/q/visits`);
    await page.getByRole('button', { name: next }).tap();
    await check(`${tag}-survey-question-error`);
    await page.goto(`${url}/D/TB01-08/surveys/${demoSurvey.id}/q/priorities`);
    await page.locator('button[value="down:online-queue"]').tap();
    await check(`${tag}-survey-ranking`);
    await page.goto(`${url}/D/TB01-08/surveys/${demoSurvey.id}/check`);
    await check(`${tag}-survey-check`);
    await page.goto(`${url}/D/TB01-08/feedback`);
    await page.getByRole('button', { name: words.feedback.send }).tap();
    await check(`${tag}-feedback-errors`);
    await page.goto(`${url}/D/TB01-08/votes`);
    await check(`${tag}-votes`);
    await page.locator('a.tile').first().tap();
    await page.getByRole('button', { name: next }).tap();
    await check(`${tag}-vote-error`);
    await page.locator('#choice').check();
    await page.getByRole('button', { name: next }).tap();
    await page.getByRole('button', { name: words.vote.send }).tap();
    await check(`${tag}-vote-number-error`);
    await page.goto(`${url}/D/TB01-08/propose`);
    await page.getByRole('button', { name: words.propose.send }).tap();
    await check(`${tag}-propose-error`);
  };
  // Every page in both languages in the normal mode, once with large text and high contrast (kept by the session
  // from the first page on), and once at 320 px.
  await walk('ka', 'normal', 'ka');
  await walk('en', 'normal', 'en');
  await walk('en', 'large-contrast', 'en-large-contrast');
  await page.setViewportSize({ width: 320, height: 640 });
  await walk('ka', 'normal', 'ka-320');
});

test('a printed desk card holds the desk URL in a QR code whose modules are at least 0.4 mm', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/console/login?next=/console/desks`);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('demo-admin-password');
  await page.locator('button[type=submit]').click();
  await expect(page.getByRole('link', { name: '/D/TB01-07' })).toBeVisible();
  await expectNoAxeViolations(page, 'console desks');
  await shoot(page, 'ka-console-desks');
  for (const size of ['a6', 'a7'] as const) {
    await page.goto(`${url}/console/desks/cards?branch=tbilisi-central&size=${size}`);
    await shoot(page, `ka-console-cards-${size}`);
    // Chromium's print, as "Save as PDF" makes it: one card per page, the page the card's size.
    const pdf = join(dir.path, `cards-${size}.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    // One page per desk: nothing of a card spills onto another page.
    expect(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]).toBe('2');
    const dpi = 600;
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', pdf, join(dir.path, `card-${size}`)]);
    const png = PNG.sync.read(readFileSync(join(dir.path, `card-${size}-1.png`)));
    // The page is the card: A6 is 105 × 148 mm, A7 74 × 105 mm.
    const [widthMm, heightMm] = size === 'a6' ? [105, 148] : [74, 105];
    expect(Math.abs(png.width - (widthMm / 25.4) * dpi)).toBeLessThan(dpi / 25.4);
    expect(Math.abs(png.height - (heightMm / 25.4) * dpi)).toBeLessThan(dpi / 25.4);
    const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(found?.data).toBe(`${url.toUpperCase()}/D/TB01-07`);
    // Module size: the distance between the outer corners of the top finder patterns spans the whole code.
    const location = found?.location;
    const modules = 17 + 4 * (found?.version ?? 0);
    const spanPx = location
      ? Math.hypot(location.topRightCorner.x - location.topLeftCorner.x, location.topRightCorner.y - location.topLeftCorner.y)
      : 0;
    const moduleMm = (spanPx / modules / dpi) * 25.4;
    expect(moduleMm).toBeGreaterThanOrEqual(0.4);
    // As drawn: the code is as wide as the card's design says, with its 4-module quiet zone, not squeezed by the card's text.
    // (jsQR's corners are found to within about a module: 2 mm of slack.)
    expect(Math.abs(moduleMm * (modules + 8) - CARD_SIZES[size].qrMm)).toBeLessThan(2);
    test
      .info()
      .annotations.push({ type: 'measure', description: `${size}: QR version ${found?.version}, ${moduleMm.toFixed(2)} mm per module` });
  }
});
