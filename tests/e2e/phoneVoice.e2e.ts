import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { encodeWav, rmsLevel } from '../../sync/node/wav.js';
import { en } from '../../sync/texts/en.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { decodeWav } from '../support/decodeWav.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';

// A voice message recorded on a phone (issue #16): Chromium records from its fake microphone, which plays a
// prepared WAV (there is no microphone on these machines; the capture, MediaRecorder, decoding and upload are
// Chromium's and ours, for real). The page's own script turns the recording into a 16 kHz WAV, uploads it with
// tus (its first upload request cut off on purpose, so it must resume), and sends the feedback; Central must hold
// the same bytes. Then the Listen button of a question page plays Central's speech.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots', 'phone');
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } as const;
const dir = makeTempDir('e2e-phone-voice');
let central: RunningProcess;
let browser: Browser;

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // What the fake microphone hears: a 440 Hz tone at 48 kHz, three seconds, looped by Chromium.
  const samples = new Int16Array(48_000 * 3);
  for (let index = 0; index < samples.length; index += 1)
    samples[index] = Math.round(12_000 * Math.sin((2 * Math.PI * 440 * index) / 48_000));
  const microphone = join(dir.path, 'microphone.wav');
  writeFileSync(microphone, encodeWav(samples, { sampleRate: 48_000, channels: 1 }));
  central = await startCentralProcess(join(dir.path, 'central'), await freePort(), {}, ['--demo-data']);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${microphone}`,
    ],
  });
});
test.afterAll(async () => {
  await browser.close();
  await central.stop();
  dir.remove();
});

test('a phone records a voice message, listens to it, and sends it with feedback: Central holds the same bytes', async () => {
  const context = await browser.newContext({ ...PHONE, permissions: ['microphone'] });
  const page = await context.newPage();
  // The first upload request is cut off before it reaches Central: tus-js-client must retry and resume.
  // What reaches Central is read off the wire: the bodies of the upload requests let through, by their offset.
  let patches = 0;
  const sent = new Map<number, Buffer>();
  await page.route('**/phone/uploads/**', async (route) => {
    const request = route.request();
    if (request.method() !== 'PATCH') return route.continue();
    if ((patches += 1) === 1) return route.abort('connectionreset');
    sent.set(Number(await request.headerValue('upload-offset')), request.postDataBuffer() ?? Buffer.alloc(0));
    return route.continue();
  });
  await page.goto(`${central.url}/D/TB01-08/feedback?lang=en`);
  await expect(page.getByRole('heading', { name: 'Or record a voice message' })).toBeVisible();
  await page.getByLabel(en.feedback.kinds.suggestion).check();
  await page.getByLabel('ID card and passport').check();
  await page.getByRole('button', { name: 'Record', exact: true }).tap();
  await expect(page.getByRole('status')).toHaveText('Recording…');
  await page.waitForTimeout(2_500); // what is being recorded: two and a half seconds of the fake microphone
  await page.getByRole('button', { name: 'Stop recording' }).tap();
  await expect(page.getByRole('status')).toHaveText('Your voice message is ready: listen to it here.');
  await expect(page.getByRole('button', { name: 'Remove the recording' })).toBeVisible();
  await page.locator('#voice').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'en-feedback-voice-ready.png'), fullPage: true });
  await expectNoAxeViolations(page, 'phone feedback with a recorded voice message');

  // No typed message: the voice message is the message.
  await page.getByRole('button', { name: en.feedback.send }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.feedback.thanksTitle);
  expect(patches).toBeGreaterThanOrEqual(2);

  // The WAV the page made and sent: the microphone's tone, at 16 kHz mono.
  const made = Buffer.concat([...sent.entries()].sort(([a], [b]) => a - b).map(([, body]) => body));
  const wav = decodeWav(made);
  expect(wav).toMatchObject({ sampleRate: 16_000, channels: 1 });
  expect(wav.samples.length / wav.sampleRate).toBeGreaterThan(1.5);
  expect(rmsLevel(wav.samples)).toBeGreaterThan(0.05);

  const db = new BetterSqlite3(join(dir.path, 'central', 'central.sqlite'), { readonly: true });
  try {
    const stored = db
      .prepare(
        `SELECT a.upload_id, a.sha256, f.has_voice, s.attachments_pending FROM feedback f
         JOIN submission_attachments a ON a.device_id = f.device_id AND a.submission_id = f.submission_id
         JOIN submissions s ON s.device_id = f.device_id AND s.id = f.submission_id
         WHERE f.device_id LIKE 'phone-%' ORDER BY f.received_at DESC LIMIT 1`,
      )
      .get() as { upload_id: string; sha256: string; has_voice: number; attachments_pending: number };
    expect(stored).toMatchObject({ has_voice: 1, attachments_pending: 0, sha256: createHash('sha256').update(made).digest('hex') });
    expect(readFileSync(join(dir.path, 'central', 'uploads', stored.upload_id)).equals(made)).toBe(true);
  } finally {
    db.close();
  }
  await context.close();
});

test('the Listen button plays the question, spoken at Central, in Ogg Opus', async () => {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  await page.goto(`${central.url}/D/TB01-07/rate`);
  const player = page.locator('.listen audio');
  await expect(page.locator('#listen-label')).toHaveText('კითხვის მოსმენა');
  await player.evaluate((audio: HTMLAudioElement) => audio.play());
  await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.currentTime)).toBeGreaterThan(0.5);
  expect(await player.evaluate((audio: HTMLAudioElement) => audio.duration)).toBeGreaterThan(3);
  // Chromium chose the Ogg Opus source (listed first), not the WAV, and its own decoder reads it whole.
  const played = await player.evaluate((audio: HTMLAudioElement) => audio.currentSrc);
  expect(played).toMatch(/\/listen\/[0-9a-f]{32}\.opus$/);
  const opus = [...(await (await page.request.get(played)).body())];
  const decoded = await page.evaluate(async (bytes) => {
    const audio = await new OfflineAudioContext(1, 48_000, 48_000).decodeAudioData(new Uint8Array(bytes).buffer);
    const samples = audio.getChannelData(0);
    return { seconds: audio.duration, rms: Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length) };
  }, opus);
  expect(decoded.seconds).toBeGreaterThan(3);
  expect(decoded.rms).toBeGreaterThan(0.01);
  await page.screenshot({ path: join(SHOTS, 'ka-rating-listen.png'), fullPage: true });
  await context.close();
});
