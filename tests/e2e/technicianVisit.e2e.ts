import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { hashTechnicianPin } from '../../kiosk-config/technicianPin.js';
import { fileCaptureAsoundrc, sineRaw } from '../support/audioAnalysis.js';
import { queryCentral } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { DEMO_TOKEN, startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { KioskPage } from './support/kioskPage.js';
import { photographAndCheck } from './support/screenChecks.js';
import { Touch } from './support/touch.js';
import { Transcript } from './support/transcript.js';

// A technician's whole visit to a fresh kiosk (issue #17), in Chromium against a real kiosk process and a real
// Central: two fingers held in opposite corners, five wrong PINs and the lockout, the right PIN, enrolment by
// typing the token on the on-screen keyboard, diagnostics, the speaker (tones, then the five voices through the
// real eSpeak NG, checked in the speech transcript), the microphone (a real arecord reading ALSA's file device,
// since this machine has no microphone), the touch and screen tests, settings (a refusal, then a change of the
// idle timeout and the languages), and leaving. A visitor's rating queued just before the kiosk was enrolled is
// delivered once; the visit is on Central's fleet page. Only the lockout's minute is not waited out: the test
// moves its end back in the kiosk's database, as the passing minute would.
const PIN = '583016';
const STICK = `/dev/shm/psh-e2e-stick-${String(process.pid)}`;
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-technician');
const centralData = join(dir.path, 'central');
let kioskUrl = '';
let centralUrl = '';
let configFile = '';
const transcript = new Transcript(join(dir.path, 'transcript.jsonl'));

test.beforeAll(async () => {
  mkdirSync(centralData, { recursive: true });
  writeFileSync(join(dir.path, 'tone.raw'), sineRaw(440, 6));
  writeFileSync(
    join(dir.path, '.asoundrc'),
    fileCaptureAsoundrc('pshtone', join(dir.path, 'tone.raw')).replace(/\}\n$/, '  hint { show on description "Test tone" }\n}\n'),
  );
  // A USB stick: a folder on another filesystem (tmpfs) under the kiosk's mount root.
  mkdirSync(join(dir.path, 'media'));
  mkdirSync(STICK, { recursive: true });
  symlinkSync(STICK, join(dir.path, 'media', 'PSH-STICK'));
  const central = await startCentralProcess(centralData, await freePort(), {}, ['--demo-data']);
  running.push(central);
  centralUrl = central.url;
  // A fresh kiosk: no enrolment token in its config; the technician brings it.
  configFile = writeKioskConfig(dir.path, central.url, {
    central: { url: central.url, syncIntervalMs: 500, backoffBaseMs: 100, backoffCapMs: 1000 },
    audio: { inputDevice: 'pshtone', headsetIsOutput: true },
    technician: { pinHash: hashTechnicianPin(PIN), mediaDirs: [join(dir.path, 'media')] },
  });
  const kiosk = await startKioskProcess(configFile, { HOME: dir.path, KIOSK_SPEECH_TRANSCRIPT: transcript.file });
  running.push(kiosk);
  kioskUrl = kiosk.url;
});
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  rmSync(STICK, { recursive: true, force: true });
  dir.remove();
});

/** Two fingers, top-left and bottom-right, held for 3 s: the way into technician mode. */
async function holdCorners(page: Page): Promise<void> {
  const touch = await Touch.on(page);
  const size = page.viewportSize() ?? { width: 1920, height: 1080 };
  await touch.holdTwo({ x: 30, y: 30 }, { x: size.width - 30, y: size.height - 30 }, 3300);
}

async function typePin(page: Page, pin: string, enter: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: enter, exact: true }).click();
}

const kioskRatings = () =>
  queryCentral<{ n: number }>(
    centralData,
    "SELECT count(*) AS n FROM submissions s JOIN devices d ON d.id = s.device_id WHERE d.kiosk_id = 'e2e-kiosk-01' AND s.type = 'rating'",
  )[0]?.n ?? 0;

test('a technician visit: gesture and PIN, lockout, enrolment, every self-test, settings, leaving; the queued rating arrives once', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const kiosk = new KioskPage(page);
  await kiosk.open(kioskUrl);

  // A visitor rates before the kiosk was ever enrolled: saved on the kiosk, queued.
  await kiosk.start('დაწყება');
  await kiosk.chooseLanguage('ქართული');
  await kiosk.button('შეაფასეთ მიღებული მომსახურება').click();
  await kiosk.rate('კარგი');
  await kiosk.button('შემდეგი').click();
  await kiosk.button('გაგზავნა კომენტარის გარეშე').click();
  await kiosk.button('გაგზავნა').click();
  await kiosk.confirmationCode();

  // One finger in a corner does nothing; two in opposite corners for 3 s open the PIN screen.
  const touch = await Touch.on(page);
  await touch.hold({ x: 30, y: 30 }, 3300);
  await expect(page.getByRole('heading', { name: 'ტექნიკოსის PIN-კოდი' })).toHaveCount(0);
  await holdCorners(page);
  await expect(page.getByRole('heading', { level: 1, name: 'ტექნიკოსის PIN-კოდი' })).toBeVisible();
  await photographAndCheck(page, 'technician/ka-01-pin');

  // Five wrong PINs: four refusals counting down, then the lock, which refuses even the right PIN.
  for (const left of [4, 3, 2, 1]) {
    await typePin(page, '111111', 'შესვლა');
    await expect(page.getByRole('alert')).toHaveText(`PIN-კოდი არასწორია. დაბლოკვამდე დარჩა ${String(left)} ცდა.`);
  }
  await typePin(page, '111111', 'შესვლა');
  await expect(page.getByRole('alert')).toContainText('დაბლოკილია');
  await photographAndCheck(page, 'technician/ka-02-locked');
  await typePin(page, PIN, 'შესვლა');
  await expect(page.getByRole('alert')).toContainText('დაბლოკილია');
  // The minute passes (moved back in the kiosk's own database rather than waited for).
  const kioskDb = new BetterSqlite3(join(dir.path, 'kiosk-data', 'kiosk.sqlite'));
  kioskDb.prepare('UPDATE technician_lockout SET locked_until = ?').run(new Date(Date.now() - 1000).toISOString());
  kioskDb.close();
  await typePin(page, PIN, 'შესვლა');
  await expect(page.getByRole('heading', { level: 1, name: 'ტექნიკოსის რეჟიმი' })).toBeVisible();
  await photographAndCheck(page, 'technician/ka-03-menu');

  // Enrolment: the token typed on the on-screen keyboard; Central's answer shown.
  await page.getByRole('button', { name: 'რეგისტრაცია', exact: true }).click();
  await expect(page.getByText('სინქრონიზაციის მდგომარეობა: not-enrolled. მოწყობილობის იდენტიფიკატორი: ჯერ არ აქვს.')).toBeVisible();
  await expect(page.getByText('ტოკენის ფაილით (psh-enrolment-token.txt) USB მეხსიერება არ არის ჩადებული.')).toBeVisible();
  // A mistyped token first: Central's refusal in Georgian, and nothing of the kiosk changes.
  const tokenField = page.getByRole('textbox', { name: 'რეგისტრაციის ტოკენი' });
  await tokenField.fill('mistyped-token-0000');
  await page.getByRole('button', { name: 'რეგისტრაცია ამ ტოკენით' }).click();
  await expect(page.getByRole('alert')).toHaveText('ცენტრალურმა სერვერმა ეს ტოკენი არ იცის: შეამოწმეთ, სწორად არის თუ არა აკრეფილი.');
  await expect(page.getByText('სინქრონიზაციის მდგომარეობა: not-enrolled. მოწყობილობის იდენტიფიკატორი: ჯერ არ აქვს.')).toBeVisible();
  await photographAndCheck(page, 'technician/ka-04b-enrol-refused', true);
  await tokenField.fill('');
  await kiosk.typeOnScreen(DEMO_TOKEN, 'ჰარი');
  await expect(page.getByRole('textbox', { name: 'რეგისტრაციის ტოკენი' })).toHaveValue(DEMO_TOKEN);
  await photographAndCheck(page, 'technician/ka-04-enrol', true);
  await page.getByRole('button', { name: 'რეგისტრაცია ამ ტოკენით' }).click();
  await expect(page.getByRole('alert')).toHaveText('ცენტრალური სერვერის პასუხი: idle.');
  await expect(page.getByText(/^სინქრონიზაციის მდგომარეობა: idle\. მოწყობილობის იდენტიფიკატორი: [0-9a-f-]{36}\.$/)).toBeVisible();
  await expect.poll(kioskRatings, { timeout: 20_000 }).toBe(1);
  await page.getByRole('button', { name: 'ტექნიკოსის მენიუში დაბრუნება' }).click();

  // Diagnostics: every check with a verdict; the kiosk just enrolled, so Central answers.
  await page.getByRole('button', { name: 'დიაგნოსტიკა', exact: true }).click();
  await expect(page.locator('tr[data-check="central"]')).toContainText('რიგზეა');
  await expect(page.locator('tr[data-check]')).toHaveCount(10);
  await photographAndCheck(page, 'technician/ka-05-diagnostics', true);
  await page.getByRole('button', { name: 'ტექნიკოსის მენიუში დაბრუნება' }).click();

  // The speaker: a tone left, a tone right, then a sentence in each of the five voices, all played to their end.
  await page.getByRole('button', { name: 'დინამიკის ტესტი' }).click();
  const spokenBefore = transcript.all().length;
  await page.getByRole('button', { name: 'ტონი მარცხნივ' }).click();
  await page.getByRole('button', { name: 'ტონი მარჯვნივ' }).click();
  await page.getByRole('button', { name: 'წინადადება თითოეული ხმით' }).click();
  await expect(page.locator('.played-list')).toHaveAttribute(
    'data-played',
    'ტონი მარცხნივ|ტონი მარჯვნივ|ქართული|English|Русский|Azərbaycan dili|Հայերեն',
    { timeout: 60_000 },
  );
  // Synthesised by the kiosk's eSpeak NG, one line per voice (played to their end: the list above says so).
  const voices = transcript
    .all()
    .slice(spokenBefore)
    .map((line) => line.lang);
  expect(voices).toEqual(['ka', 'en', 'ru', 'az', 'hy']);
  await photographAndCheck(page, 'technician/ka-06-speaker');
  await page.getByRole('button', { name: 'ტექნიკოსის მენიუში დაბრუნება' }).click();

  // The microphone: ALSA's device list, then 3 s recorded by the real arecord and played back.
  await page.getByRole('button', { name: 'მიკროფონის ტესტი' }).click();
  await expect(page.locator('.device-list')).toContainText('pshtone Test tone');
  await page.getByRole('button', { name: '3 წამის ჩაწერა' }).click();
  await expect(page.locator('[data-stage]')).toHaveAttribute('data-stage', 'recording');
  await expect.poll(() => page.locator('#mic-level').evaluate((meter) => (meter as HTMLMeterElement).value)).toBeGreaterThan(0.1);
  await expect(page.locator('[data-stage]')).toHaveAttribute('data-stage', 'done', { timeout: 20_000 });
  await expect(page.locator('[data-stage]')).toHaveText(/^ჩაიწერა (2\.[5-9]|3\.[0-4]) წმ\. გაიგეთ დაკვრისას\?$/);
  await photographAndCheck(page, 'technician/ka-07-microphone');
  await page.getByRole('button', { name: 'ტექნიკოსის მენიუში დაბრუნება' }).click();

  // The touch screen: every target, corners and edges, and one miss.
  await page.getByRole('button', { name: 'სენსორის ტესტი' }).click();
  const targets = page.locator('.touch-target');
  await expect(targets).toHaveCount(12);
  for (let index = 0; index < 12; index += 1) await targets.nth(index).click();
  await page.mouse.click(400, 300);
  await expect(page.locator('.touch-result')).toHaveText('12 სამიზნიდან შეხებულია 12, აცდენა: 1.');
  await photographAndCheck(page, 'technician/ka-08-touch');
  await page.getByRole('button', { name: 'ტექნიკოსის მენიუში დაბრუნება' }).click();

  await page.getByRole('button', { name: 'ეკრანის ტესტი' }).click();
  await photographAndCheck(page, 'technician/ka-09-screen', true);
  await page.getByRole('button', { name: 'ტექნიკოსის მენიუში დაბრუნება' }).click();

  // Settings: a desk id with a space is refused, naming the field in Georgian; nothing is written.
  await page.getByRole('button', { name: 'პარამეტრები', exact: true }).click();
  const before = readFileSync(configFile, 'utf8');
  await kiosk.typeOnScreen(' ', 'ჰარი');
  await page.getByRole('button', { name: 'შენახვა და გამოყენება' }).click();
  await expect(page.getByRole('alert')).toHaveText('არ შეინახა. მაგიდა: ლათინური ასოები, ციფრები, წერტილი, ტირე ან ქვედა ხაზი.');
  expect(readFileSync(configFile, 'utf8')).toBe(before);
  await photographAndCheck(page, 'technician/ka-10-settings-refused', true);
  // Then: the space erased, Armenian no longer offered, the idle timeout from 90 to 120 s.
  await page.getByRole('group', { name: 'მაგიდა' }).getByRole('button', { name: 'წაშლა' }).click();
  await page.getByRole('button', { name: 'Հայերեն: შეთავაზებულია' }).click();
  for (let step = 0; step < 3; step += 1) await page.getByRole('button', { name: 'მეტი: უმოქმედობის დრო გაფრთხილებამდე (წამი)' }).click();
  await expect(page.locator('#idle-timeout')).toHaveText('120');
  await page.getByRole('button', { name: 'შენახვა და გამოყენება' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'შენახულია' })).toHaveText('შენახულია და გამოყენებულია: შეიცვალა 2.');
  const saved = JSON.parse(readFileSync(configFile, 'utf8')) as { idleTimeoutSec: number; languages: string[] };
  expect(saved).toMatchObject({ idleTimeoutSec: 120, languages: ['ka', 'en', 'ru', 'az'] });
  await page.getByRole('button', { name: 'ტექნიკოსის მენიუში დაბრუნება' }).click();

  // Leaving: the visitor's screen is back as it was, and the language screen no longer offers Armenian.
  await page.getByRole('button', { name: 'ტექნიკოსის რეჟიმიდან გასვლა' }).click();
  await expect(page.getByTestId('confirmation-code')).toBeVisible();
  await kiosk.button('დასრულება').click();
  await kiosk.start('დაწყება');
  await expect(kiosk.button('Azərbaycan dili')).toBeVisible();
  await expect(kiosk.button('Հայերեն')).toHaveCount(0);

  // Central: the queued rating once, and the visit on the kiosk's fleet page, with what was changed.
  await expect
    .poll(() => queryCentral<{ n: number }>(centralData, "SELECT count(*) AS n FROM device_alerts WHERE kind = 'technician-visit'")[0]?.n, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  expect(kioskRatings()).toBe(1);
  const deviceId = queryCentral<{ id: string }>(centralData, "SELECT id FROM devices WHERE kiosk_id = 'e2e-kiosk-01'")[0]?.id ?? '';
  await page.goto(`${centralUrl}/console`);
  await page.getByLabel('მომხმარებლის სახელი').fill('admin');
  await page.getByLabel('პაროლი').fill('demo-admin-password');
  await page.getByRole('button', { name: 'შესვლა' }).click();
  await page.goto(`${centralUrl}/console/fleet/${deviceId}`);
  await expect(page.getByRole('heading', { name: 'ტექნიკოსის ვიზიტები' })).toBeVisible();
  await expect(page.locator('main')).toContainText('settings:idleTimeoutSec');
  await expect(page.locator('main')).toContainText('settings:languages');
  await expect(page.locator('main')).toContainText('enrolment');
  await page.screenshot({
    path: join(import.meta.dirname, '..', '..', 'var', 'screenshots', 'technician', 'ka-11-fleet-visit.png'),
    fullPage: true,
  });
});

test('every technician screen in English (from the service keyboard’s chord): accessible, 72 px targets, photographed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const kiosk = new KioskPage(page);
  await kiosk.open(kioskUrl);
  await kiosk.start('დაწყება');
  await kiosk.chooseLanguage('English');
  await page.keyboard.press('Control+Alt+Shift+KeyT');
  await expect(page.getByRole('heading', { level: 1, name: 'Technician PIN' })).toBeVisible();
  await typePin(page, '999999', 'Enter');
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN. 4 tries left before the lock.');
  await photographAndCheck(page, 'technician/en-01-pin-refused');
  await typePin(page, PIN, 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Technician mode' })).toBeVisible();
  await photographAndCheck(page, 'technician/en-02-menu');
  const screens: Array<[string, string, boolean]> = [
    ['Diagnostics', 'en-03-diagnostics', true],
    ['Enrolment', 'en-04-enrol', true],
    ['Settings', 'en-05-settings', true],
    ['Speaker test', 'en-06-speaker', false],
    ['Microphone test', 'en-07-microphone', false],
    ['Screen test', 'en-09-screen', true],
  ];
  for (const [button, shot, scrolls] of screens) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: button })).toBeVisible();
    await photographAndCheck(page, `technician/${shot}`, scrolls);
    await page.getByRole('button', { name: 'Back to the technician menu' }).click();
  }
  // A mistyped token: Central's refusal in the technician's words, and the kiosk stays enrolled and syncing.
  await page.getByRole('button', { name: 'Enrolment', exact: true }).click();
  // The sync state beside the device id changes on its own (idle, syncing): the device id is what must stay.
  const status = (await page.getByRole('status').textContent()) ?? '';
  const enrolledAs = /Device id: [0-9a-f-]{36}\./.exec(status)?.[0] ?? 'no device id in the status';
  expect(status).toContain(enrolledAs);
  await kiosk.typeOnScreen('mistyped-token-0000', 'space');
  await page.getByRole('button', { name: 'Enrol with this token' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Central does not know this token: check it for a typing mistake. The kiosk keeps its current enrolment and goes on syncing.',
  );
  await expect(page.getByRole('status')).toContainText(enrolledAs);
  await photographAndCheck(page, 'technician/en-04b-enrol-refused', true);
  await page.getByRole('button', { name: 'Back to the technician menu' }).click();
  await page.getByRole('button', { name: 'Touch test', exact: true }).click();
  await page.locator('.touch-target').first().click();
  await photographAndCheck(page, 'technician/en-08-touch');
  await page.getByRole('button', { name: 'Back to the technician menu' }).click();
  await page.getByRole('button', { name: 'Leave technician mode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Technician mode' })).toHaveCount(0);
});
