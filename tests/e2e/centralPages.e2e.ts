import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { phoneTexts } from '../../sync/central/phone/phoneTexts.js';
import { PUBLIC_WORDS } from '../../sync/central/public/words/publicWords.js';
import { LANGUAGES } from '../../sync/protocol/languages.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';

// Central's two human audiences, staff and the public, in both of their languages: every console page and
// every public page of a demo Central, checked by axe (zero violations) and photographed in Georgian (the
// default of both) and in English. The language is the person's choice: a link on every page.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots', 'central');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-central-pages');
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

async function check(page: Page, name: string, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectNoAxeViolations(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('every console page, in Georgian and in English, is accessible', async ({ browser }) => {
  // Sixteen pages, each checked twice by axe and photographed whole.
  test.setTimeout(360_000);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${url}/console`);
  await check(page, 'ka-console-sign-in', 'შესვლა');
  await page.getByLabel('მომხმარებლის სახელი').fill('admin');
  await page.getByLabel('პაროლი').fill('demo-admin-password');
  await page.getByRole('button', { name: 'შესვლა' }).click();
  await check(page, 'ka-console-inbox', 'გამოხმაურებები');
  await expect(page.getByRole('columnheader', { name: 'ვადა' })).toBeVisible();

  const visit = async (lang: 'ka' | 'en', headings: Record<string, string | RegExp>) => {
    await page.goto(`${url}/console/feedback`);
    await check(page, `${lang}-console-inbox`, headings.inbox ?? '');
    await page.locator('a.code').first().click();
    await check(page, `${lang}-console-feedback`, headings.feedback ?? '');
    await page.goto(`${url}/console/content`);
    await check(page, `${lang}-console-content`, headings.content ?? '');
    await page.goto(`${url}/console/tallies/surveys/${demoSurvey.id}`);
    await check(page, `${lang}-console-survey-tally`, headings.surveyTally ?? '');
    await page.goto(`${url}/console/tallies/ballots/improvements-2026`);
    await check(page, `${lang}-console-ballot-tally`, headings.ballotTally ?? '');
    await page.goto(`${url}/console/tallies/surveys/${demoSurvey.id}/answers`);
    await check(page, `${lang}-console-answers`, headings.answers ?? '');
    await page.goto(`${url}/console/record`);
    await check(page, `${lang}-console-record`, headings.record ?? '');
    await page.goto(`${url}/console/fleet`);
    await check(page, `${lang}-console-fleet`, headings.fleet ?? '');
    // An enrolment token, shown once with its QR code for the kiosk's token entry.
    await page.locator('form[action="/console/fleet/tokens"] button').click();
    await check(page, `${lang}-console-fleet-token`, headings.fleet ?? '');
    await page.goto(`${url}/console/proposals`);
    await check(page, `${lang}-console-proposals`, headings.proposals ?? '');
  };
  await visit('ka', {
    inbox: 'გამოხმაურებები',
    feedback: /^გამოხმაურება [0-9A-Z]{4}-[0-9A-Z]{4}$/,
    content: 'გამოკითხვები, კენჭისყრები და შინაარსი',
    surveyTally: /^მიმდინარე დათვლა: /,
    ballotTally: /^მიმდინარე დათვლა: /,
    answers: /^დაწერილი და ნათქვამი პასუხები: /,
    record: 'საჯარო ჩანაწერი: განხორციელება და ფოკუს ჯგუფები',
    proposals: 'მოქალაქეების შემოთავაზებები',
    fleet: 'კიოსკები',
  });
  // The switch keeps the staff member on the page they were reading.
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Citizen proposals');
  await visit('en', {
    inbox: 'Feedback inbox',
    feedback: /^Feedback [0-9A-Z]{4}-[0-9A-Z]{4}$/,
    content: 'Surveys, ballots and content',
    surveyTally: /^Live tally: /,
    ballotTally: /^Live tally: /,
    answers: /^Written and spoken answers: /,
    record: 'Public record: implementation and focus groups',
    proposals: 'Citizen proposals',
    fleet: 'Kiosks',
  });
  await page.getByRole('link', { name: 'ქართული' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('მოქალაქეების შემოთავაზებები');
});

test('every public page, in Georgian and in English, is accessible', async ({ page }) => {
  test.setTimeout(240_000);
  for (const lang of ['ka', 'en'] as const) {
    const query = lang === 'en' ? '?lang=en' : '';
    await page.goto(`${url}/feedback${query}`);
    await check(page, `${lang}-public-feedback-lookup`, lang === 'en' ? 'Feedback status' : 'გამოხმაურების სტატუსი');
    await page.goto(`${url}/figures${query}`);
    await check(page, `${lang}-public-figures`, lang === 'en' ? 'Feedback answered within 24 hours' : 'გამოხმაურებაზე პასუხი 24 საათში');
    await page.goto(`${url}/results${query}`);
    await check(page, `${lang}-public-results`, lang === 'en' ? 'Published results' : 'გამოქვეყნებული შედეგები');
    await page.goto(`${url}/results/ballots/improvements-2026${query}`);
    await check(page, `${lang}-public-ballot-results`, /.+/);
    await page.goto(`${url}/initiatives/${demoBallot.id}/${demoBallot.initiatives[0]?.id ?? ''}${query}`);
    await check(page, `${lang}-public-initiative`, /.+/);
    // The public record's process pages and indicators, on the demo's data (its closed vote's 3,043 votes by month).
    await page.goto(`${url}/record/processes/ballot/improvements-2026${query}`);
    await check(page, `${lang}-record-process-ballot`, lang === 'en' ? 'What should improve first?' : /.+/);
    await page.locator('table.figures tbody a').first().click();
    await check(page, `${lang}-record-entries`, /.+/);
    await page.goto(`${url}/record/processes/feedback/rustavi${query}`);
    await check(
      page,
      `${lang}-record-process-feedback`,
      lang === 'en' ? 'Feedback at Rustavi Public Service Hall' : 'გამოხმაურება: რუსთავის იუსტიციის სახლი',
    );
    await page.goto(`${url}/record/indicators${query}`);
    await check(page, `${lang}-record-indicators`, lang === 'en' ? "The commitment's indicators" : 'ვალდებულების ინდიკატორები');
  }
});

/** Every public page a reader can open without signing in, on the demo's data (a real feedback code from its public list). */
async function publicPaths(): Promise<{ code: string; paths: string[] }> {
  // A real feedback code from the demo's public list, for its status page.
  const requests = (await (await fetch(`${url}/open311/v2/requests.json`)).json()) as { service_request_id: string }[];
  const code = requests[0]?.service_request_id ?? '';
  expect(code).not.toBe('');
  const paths = [
    '/',
    '/take-part',
    '/feedback',
    `/feedback/${code}`,
    '/figures',
    '/results',
    '/results/ballots/improvements-2026',
    `/initiatives/${demoBallot.id}/${demoBallot.initiatives[0]?.id ?? ''}`,
    '/record',
    '/record/indicators',
    '/record/processes/ballot/improvements-2026',
    '/record/processes/feedback/rustavi',
    '/record/entries?process=ballot:improvements-2026&measure=participation',
  ];
  return { code, paths };
}

test('every public page, in each of the five languages, fits a 320 and a 375 px phone: no sideways scrolling, tables scroll in their own region, no axe violation', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const { code, paths } = await publicPaths();
  for (const width of [320, 375]) {
    const page = await (await browser.newContext({ viewport: { width, height: 740 } })).newPage();
    for (const lang of LANGUAGES) {
      for (const path of paths) {
        const slug =
          path
            .replace(code, 'status')
            .replace(/[^a-z0-9]+/gi, '-')
            .replace(/^-|-$/g, '') || 'home';
        const name = `${String(width)}-${lang}-${slug}`;
        const response = await page.goto(`${url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        expect(response?.status(), name).toBe(200);
        // In the language asked for: the document says so, and its frame (the skip link) is that language's words.
        expect(await page.locator('html').getAttribute('lang'), name).toBe(lang);
        expect([PUBLIC_WORDS[lang].site.skip, phoneTexts(lang).p.skip], name).toContain(await page.locator('a.skip').textContent());
        // The page itself never scrolls sideways; what is wider (a table) scrolls inside its named, focusable region.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
        if (width !== 320) continue;
        await expectNoAxeViolations(page, name);
        await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      }
    }
  }
});

test("every public page holds at 320 px with the browser's text at 200% and in forced colours (high contrast): no sideways scrolling, no axe violation", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { code, paths } = await publicPaths();
  // Chromium's forced-colors mode is what Windows' and Android's high-contrast settings turn on; a default font size
  // twice the usual is what "very large text" in a phone's browser does (the site sizes its text in rem).
  const context = await browser.newContext({ viewport: { width: 320, height: 740 }, forcedColors: 'active' });
  const page = await context.newPage();
  for (const lang of ['ka', 'hy'] as const) {
    for (const path of paths) {
      const name = `320-large-contrast-${lang}-${
        path
          .replace(code, 'status')
          .replace(/[^a-z0-9]+/gi, '-')
          .replace(/^-|-$/g, '') || 'home'
      }`;
      const response = await page.goto(`${url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      expect(response?.status(), name).toBe(200);
      // As the browser's own text size does (through the CSSOM: the page's CSP rightly refuses an injected stylesheet).
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(320);
      await expectNoAxeViolations(page, name);
      if (lang === 'ka') await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    }
  }
});
