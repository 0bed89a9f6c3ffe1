import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { ka } from '../../sync/texts/ka.js';
import { queryCentral } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { filesContaining } from '../support/grepFiles.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { KioskPage } from './support/kioskPage.js';
import { Transcript } from './support/transcript.js';

// Feedback end to end with real processes and real Chromium: left on the kiosk in Georgian while
// Central is down, synced, answered by a responder in the staff console, then read on the kiosk
// (and heard in audio mode) and on the public page. Citizen text carries script payloads throughout.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots');
const ROOT = join(import.meta.dirname, '..', '..');
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-feedback');
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop('SIGKILL')));
  dir.remove();
});

const PAYLOAD = 'რიგი ძალიან გრძელია <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
const ANSWER = 'გმადლობთ. დილით მეორე ოპერატორი დავამატეთ.';
const pwned = (page: Page) => page.evaluate('window.__pwned === undefined ? "clean" : "ran"');

test('feedback left offline in Georgian is answered in the console and read back by code on the kiosk and the web', async ({
  page,
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const centralData = join(dir.path, 'central');
  mkdirSync(centralData, { recursive: true });
  // A responder account, made with the CLI a technician uses (password from the environment, never argv).
  const added = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'sync/central/cli.ts'), 'add-staff', '--user', 'nino', '--role', 'responder', '--data', centralData],
    {
      cwd: ROOT,
      env: { ...process.env, PSH_STAFF_PASSWORD: 'responder-password-1' },
      encoding: 'utf8',
    },
  );
  expect(added.stdout + added.stderr).toContain('Staff user nino (responder) saved.');

  const port = await freePort();
  let central = await startCentralProcess(centralData, port);
  running.push(central);
  const transcript = new Transcript(join(dir.path, 'transcript.jsonl'), page);
  const config = writeKioskConfig(dir.path, central.url, { audio: { headsetIsOutput: true } });
  const kioskData = join(dir.path, 'kiosk-data');
  const kiosk = await startKioskProcess(config, { KIOSK_SPEECH_TRANSCRIPT: transcript.file });
  running.push(kiosk);
  await expect.poll(() => queryCentral<{ n: number }>(centralData, 'SELECT count(*) AS n FROM devices')[0]?.n, { timeout: 30_000 }).toBe(1);
  await central.stop();

  // The visitor, in Georgian, with Central down.
  const visitor = new KioskPage(page);
  await visitor.open(kiosk.url);
  await visitor.start(ka.welcome.start);
  await visitor.chooseLanguage('ქართული');
  await visitor.button(ka.home.feedback).click();
  await visitor.button(ka.feedback.kinds.complaint).click();
  await expect(page.getByRole('radio', { name: /სამოქალაქო რეესტრი/ })).toHaveAttribute('aria-checked', 'true'); // the desk's service, preset
  await visitor.button(ka.feedback.next).click();
  await page.getByRole('textbox', { name: ka.feedback.messageLabel }).fill(PAYLOAD);
  await visitor.button(ka.feedback.next).click();
  await visitor.typeOnScreen('555123456', ka.keys.space);
  await page.getByRole('checkbox', { name: ka.feedback.consent }).click();
  await visitor.button(ka.feedback.next).click();
  await expect(page.locator('.review-list')).toContainText('+995555123456');
  await visitor.button(ka.feedback.send).click();
  await expect(visitor.heading()).toHaveText(ka.feedback.thanksTitle);
  const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').replace('-', '');
  expect(code).toMatch(/^[0-9A-Z]{8}$/);
  expect(await pwned(page)).toBe('clean');
  expect(filesContaining(kioskData, '555123456')).toEqual([]);
  await visitor.button(ka.feedback.finish).click();

  // Central is back: the feedback arrives once, with the 24 hours counted from the kiosk's time.
  central = await startCentralProcess(centralData, port);
  running.push(central);
  await expect.poll(() => queryCentral(centralData, 'SELECT code FROM feedback WHERE code = ?', code).length, { timeout: 30_000 }).toBe(1);
  const [row] = queryCentral<{ clock_start_at: string; due_at: string; status: string; branch_id: string; contact_sealed: string }>(
    centralData,
    'SELECT * FROM feedback WHERE code = ?',
    code,
  );
  // Short read-only looks at the kiosk's db, closed at once: a reader held open would block the kiosk's WAL checkpoint.
  const kioskQuery = (sql: string) => {
    const kioskDb = new BetterSqlite3(join(kioskData, 'kiosk.sqlite'), { readonly: true });
    try {
      return kioskDb.prepare(sql).pluck().get();
    } finally {
      kioskDb.close();
    }
  };
  const createdAt = kioskQuery("SELECT created_at FROM submissions WHERE type = 'feedback'");
  expect(row).toMatchObject({ clock_start_at: createdAt, status: 'received', branch_id: 'tbilisi-central' });
  expect(Date.parse(row?.due_at ?? '') - Date.parse(row?.clock_start_at ?? '')).toBe(24 * 3_600_000);
  expect(row?.contact_sealed.length).toBeGreaterThan(80);
  // Acknowledged: the sealed contact is deleted from the kiosk, its bytes too (secure_delete, WAL truncated).
  await expect.poll(() => kioskQuery('SELECT count(*) FROM sealed_personal'), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => filesContaining(kioskData, row?.contact_sealed ?? 'missing'), { timeout: 10_000 }).toEqual([]);
  expect(filesContaining(kioskData, '555123456')).toEqual([]);

  // A responder answers in the console.
  const staff = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await staff.goto(`${central.url}/console/feedback`);
  // The console is in Georgian unless a staff member chooses English, as this one does.
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('შესვლა');
  await staff.getByRole('link', { name: 'English' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expectNoAxeViolations(staff, 'console sign-in');
  await staff.getByLabel('Username').fill('nino');
  await staff.getByLabel('Password').fill('responder-password-1');
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Feedback inbox');
  await expectNoAxeViolations(staff, 'console inbox');
  await staff.screenshot({ path: join(SHOTS, 'console-inbox.png'), fullPage: true });
  await staff.getByRole('link', { name: `${code.slice(0, 4)}-${code.slice(4)}` }).click();
  await expect(staff.getByText(PAYLOAD)).toBeVisible();
  await expect(staff.getByText('+995555123456')).toBeVisible();
  expect(await pwned(staff)).toBe('clean');
  await expectNoAxeViolations(staff, 'console feedback');
  await staff.getByLabel(/Response to the citizen/).fill(ANSWER);
  await staff.getByRole('button', { name: 'Publish response' }).click();
  await expect(staff.getByRole('status')).toContainText('Response published');
  await staff.screenshot({ path: join(SHOTS, 'console-feedback.png'), fullPage: true });

  // The visitor checks the code on the kiosk, in audio mode: the answer is shown and heard.
  await visitor.open(kiosk.url);
  await visitor.button(`${ka.bar.audio}`).click();
  await visitor.start(ka.welcome.start);
  await visitor.chooseLanguage('ქართული');
  await visitor.button(ka.home.track).click();
  await transcript.checkpoint();
  await page.getByRole('textbox', { name: ka.track.codeLabel }).fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await visitor.button(ka.track.check).click();
  await expect(page.getByTestId('answer')).toHaveText(ANSWER);
  await expect.poll(() => transcript.text(), { timeout: 20_000 }).toContain(ANSWER);
  expect(await transcript.text()).toContain(ka.track.statuses.answered);

  // A mistyped code: "not found, check the code", nothing else.
  await visitor.button(`${ka.bar.back}`).click();
  const typo = code.slice(0, 7) + (code[7] === '0' ? '1' : '0');
  await page.getByRole('textbox', { name: ka.track.codeLabel }).fill(typo);
  await visitor.button(ka.track.check).click();
  await expect(page.getByRole('alert')).toHaveText(ka.track.mistyped);

  // The public page and Open311 show it as text; contact details appear nowhere public.
  const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await reader.goto(`${central.url}/feedback/${code}`);
  await expect(reader.getByText(ANSWER)).toBeVisible();
  await expect(reader.getByText(PAYLOAD)).toBeVisible();
  expect(await pwned(reader)).toBe('clean');
  expect(await reader.content()).not.toContain('555123456');
  await expectNoAxeViolations(reader, 'public feedback status');
  await reader.screenshot({ path: join(SHOTS, 'public-feedback-status.png'), fullPage: true });
  await reader.goto(`${central.url}/feedback?code=${typo}`);
  await expect(reader.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(reader, 'public feedback lookup error');
  await reader.goto(`${central.url}/open311/v2/requests/${code}.json`);
  expect(await pwned(reader)).toBe('clean');
  expect(await reader.content()).not.toContain('555123456');
  await reader.goto(`${central.url}/figures?lang=en`);
  await expectNoAxeViolations(reader, 'public figures');
  await reader.screenshot({ path: join(SHOTS, 'public-figures.png'), fullPage: true });
});
