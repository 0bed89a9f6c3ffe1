import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { rmsLevel, encodeWav } from '../../sync/node/wav.js';
import { seedDemoDesks } from '../../sync/central/demo/demoDesks.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { sweepUnsentVoice } from '../../sync/central/services/unsentVoice.js';
import { decodeWav } from '../support/decodeWav.js';
import { phoneClient, type PhoneClient } from '../support/phoneClient.js';
import { isSignedIn, signInStaff } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// The phone pages' Listen button (the question spoken at Central by eSpeak NG, as the kiosk speaks it) and the
// voice message a phone uploads resumably (tus) before sending its feedback: a real Central, real eSpeak NG,
// the tus protocol spoken by hand as tus-js-client speaks it from the page (the e2e test runs the page's own script).
const dir = makeTempDir('phone-listen-voice');
let central: RunningCentral;
/** The upload sent with feedback in the first voice test: the sweep must leave it. */
let sentUploadId = '';

beforeAll(async () => {
  central = await startCentral({ dataDir: join(dir.path, 'central'), starterContent: demoContentPack });
  await seedDemoDesks(central.db, ['civil-registry', 'passports']);
});
afterAll(async () => {
  await central.close();
  dir.remove();
});

const listenUrlOf = (text: string, format = 'wav') =>
  new RegExp(`<source src="(/listen/[0-9a-f]{32}\\.${format})" type="audio/${format === 'wav' ? 'wav' : 'ogg; codecs=opus'}">`).exec(
    text,
  )?.[1];

/** Decodes (mono) Ogg Opus with Debian's opusdec (opus-tools): 16-bit samples at 48 kHz, by a decoder apart from Central's encoder. */
function decodeOpus(opus: Buffer): { samples: Int16Array; sampleRate: number } {
  const decoded = spawnSync('opusdec', ['--quiet', '--rate', '48000', '-', '-'], { input: opus, maxBuffer: 64 * 1024 * 1024 });
  if (decoded.status !== 0) throw new Error(`opusdec: ${decoded.stderr.toString()}`);
  const raw = decoded.stdout;
  return { samples: new Int16Array(raw.buffer, raw.byteOffset, Math.floor(raw.length / 2)), sampleRate: 48_000 };
}

/** A 16 kHz mono WAV of a tone, as the recorder script makes one. */
function toneWav(seconds: number): Buffer {
  const samples = new Int16Array(16_000 * seconds);
  for (let index = 0; index < samples.length; index += 1)
    samples[index] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * index) / 16_000));
  return encodeWav(samples, { sampleRate: 16_000, channels: 1 });
}

/** Feedback with no typed text, naming a voice upload, as the page's form sends it once the recorder has uploaded. */
const voiceOnlyFeedback = (phone: PhoneClient, uploadId: string | undefined) =>
  phone.post('/D/TB01-07/feedback', { kind: 'suggestion', service: 'civil-registry', message: '', voiceUpload: uploadId ?? '' });

/** tus 1.0 as tus-js-client sends it from the feedback page: create with the form token, then one PATCH. */
async function tusUpload(phone: PhoneClient, body: Buffer, headers: Record<string, string> = {}) {
  const common = { 'tus-resumable': '1.0.0', cookie: phone.cookie, 'sec-fetch-site': 'same-origin' };
  const created = await fetch(`${central.url}/phone/uploads`, {
    method: 'POST',
    headers: { ...common, 'upload-length': String(body.length), 'x-csrf-token': phone.csrf, ...headers },
  });
  const location = created.headers.get('location');
  if (created.status !== 201 || !location) return { status: created.status, id: undefined, text: await created.text() };
  const patched = await fetch(new URL(location, central.url), {
    method: 'PATCH',
    headers: { ...common, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', ...headers },
    body: new Uint8Array(body),
  });
  return { status: patched.status, id: location.split('/').pop() };
}

describe('the Listen button', () => {
  it('speaks the question and its choices in the page language, once synthesised then from the cache; nothing else can be spoken', async () => {
    const phone = phoneClient(central.url);
    const page = await phone.get('/D/TB01-07/rate?lang=ka');
    const url = listenUrlOf(page.text);
    expect(url).toBeDefined();
    const response = await fetch(`${central.url}${url ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const wav = decodeWav(Buffer.from(await response.arrayBuffer()));
    // The question and five faces, with pauses between them: several seconds of speech, not silence.
    expect(wav.samples.length / wav.sampleRate).toBeGreaterThan(3);
    expect(rmsLevel(wav.samples)).toBeGreaterThan(0.01);
    const key = /([0-9a-f]{32})\.wav$/.exec(url ?? '')?.[1] ?? '';
    expect(existsSync(join(dir.path, 'central', 'speech-cache', `${key}.wav`))).toBe(true);
    const row = await central.db.selectFrom('spoken_texts').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(row.lang).toBe('ka');
    expect(JSON.parse(row.text)).toEqual([
      demoContentPack.rating.question.ka,
      ...demoContentPack.rating.labels.map((label) => label.ka).reverse(),
    ]);
    // The same page in English is another text, another file.
    expect(listenUrlOf((await phone.get('/D/TB01-07/rate?lang=en')).text)).not.toBe(url);
    // A key no page registered is not synthesised.
    expect((await fetch(`${central.url}/listen/0123456789abcdef0123456789abcdef.wav`)).status).toBe(404);
    expect((await fetch(`${central.url}/listen/..%2F..%2Fcentral.db`)).status).toBe(404);
  });

  it('offers the same speech in Ogg Opus first, at most a fifth of the WAV, decoding to as long and as loud a question', async () => {
    const page = (await phoneClient(central.url).get('/D/TB01-07/rate?lang=ka')).text;
    // Opus is listed before the WAV: a browser plays the first source it can.
    expect(page.indexOf('.opus"')).toBeLessThan(page.indexOf('.wav"'));
    const [opusUrl, wavUrl] = [listenUrlOf(page, 'opus'), listenUrlOf(page, 'wav')];
    expect(opusUrl?.replace('.opus', '.wav')).toBe(wavUrl);
    const opusResponse = await fetch(`${central.url}${opusUrl ?? ''}`);
    expect(opusResponse.headers.get('content-type')).toBe('audio/ogg; codecs=opus');
    expect(opusResponse.headers.get('cache-control')).toContain('immutable');
    const opus = Buffer.from(await opusResponse.arrayBuffer());
    const wavBytes = Buffer.from(await (await fetch(`${central.url}${wavUrl ?? ''}`)).arrayBuffer());
    expect(opus.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(opus.length).toBeLessThanOrEqual(wavBytes.length / 5);
    const original = decodeWav(wavBytes);
    const decoded = decodeOpus(opus);
    const seconds = (audio: { samples: Int16Array; sampleRate: number }) => audio.samples.length / audio.sampleRate;
    expect(Math.abs(seconds(decoded) - seconds(original))).toBeLessThan(0.05);
    expect(rmsLevel(decoded.samples)).toBeGreaterThan(rmsLevel(original.samples) / 2);
    console.log(
      `Listen audio (ka rating question): WAV ${String(Math.round(wavBytes.length / 1024))} kB, Opus ${String(Math.round(opus.length / 1024))} kB`,
    );
  });

  it('never speaks what a citizen typed: only content texts are registered', async () => {
    const phone = phoneClient(central.url);
    await phone.get('/D/TB01-07/rate?lang=en');
    await phone.post('/D/TB01-07/rate', { score: '4' });
    await phone.post('/D/TB01-07/rate/comment', { comment: 'a citizen comment that must not be spoken', service: 'civil-registry' });
    const texts = await central.db.selectFrom('spoken_texts').select('text').execute();
    expect(texts.some((row) => row.text.includes('citizen comment'))).toBe(false);
  });
});

describe('a voice message from a phone', () => {
  it('is uploaded resumably, sent with the feedback (no typed text needed), and reaches staff byte for byte', async () => {
    const phone = phoneClient(central.url);
    await phone.get('/D/TB01-07/feedback?lang=en');
    const wav = toneWav(2);
    const upload = await tusUpload(phone, wav);
    expect(upload.status).toBe(204);
    sentUploadId = upload.id ?? '';
    const sent = await voiceOnlyFeedback(phone, upload.id);
    expect(sent.url).toBe('/D/TB01-07/thanks');
    const feedback = await central.db.selectFrom('feedback').selectAll().orderBy('received_at', 'desc').executeTakeFirstOrThrow();
    expect(feedback.has_voice).toBe(1);
    expect(feedback.message).toBeNull();
    const submission = await central.db
      .selectFrom('submissions')
      .selectAll()
      .where('id', '=', feedback.submission_id ?? '')
      .executeTakeFirstOrThrow();
    expect(submission.attachments_pending).toBe(0);
    // Staff hear exactly the bytes the phone sent.
    await createStaffUser(central.db, 'tamar', 'a long enough password', 'admin');
    const staff = await signInStaff(central, 'tamar', 'a long enough password');
    if (!isSignedIn(staff)) throw new Error('sign-in failed');
    const heard = await fetch(`${central.url}/console/feedback/${feedback.code}/voice.wav`, { headers: { cookie: staff.cookie } });
    expect(heard.status).toBe(200);
    const bytes = Buffer.from(await heard.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(wav).digest('hex'));
    // The session forgot the upload: the same id posted again does not attach it to another feedback.
    await phone.get('/D/TB01-07/feedback');
    const again = await voiceOnlyFeedback(phone, upload.id);
    expect(again.status).toBe(400);
  });

  it('is refused without the page form token, from another site, or when it is not a PCM WAV; another session cannot claim it', async () => {
    const phone = phoneClient(central.url);
    await phone.get('/D/TB01-07/feedback');
    expect((await tusUpload(phone, toneWav(1), { 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await tusUpload(phone, toneWav(1), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const notWav = await tusUpload(phone, Buffer.from('<script>alert(1)</script>'.repeat(100)));
    expect(notWav.status).toBe(415);
    expect(existsSync(join(dir.path, 'central', 'uploads', notWav.id ?? 'none'))).toBe(false);
    const other = phoneClient(central.url);
    await other.get('/D/TB01-07/feedback?lang=en');
    const mine = await tusUpload(phone, toneWav(1));
    expect(mine.status).toBe(204);
    const claimed = await voiceOnlyFeedback(other, mine.id);
    expect(claimed.status).toBe(400);
    expect(claimed.text).toContain('Write your message.');
    expect(readFileSync(join(dir.path, 'central', 'uploads', mine.id ?? '')).length).toBe(toneWav(1).length);
  });

  it('left unsent, is deleted once its session can no longer send it; one sent with feedback stays', async () => {
    const uploads = join(dir.path, 'central', 'uploads');
    const phone = phoneClient(central.url);
    await phone.get('/D/TB01-07/feedback?lang=en');
    const unsent = await tusUpload(phone, toneWav(1));
    expect(unsent.status).toBe(204);
    // While its session lives, the visitor may still send it.
    await sweepUnsentVoice(central.db, uploads);
    expect(existsSync(join(uploads, unsent.id ?? ''))).toBe(true);
    // Three hours on, the session is gone: the file and its tus record go; the sent one stays.
    expect(await sweepUnsentVoice(central.db, uploads, Date.now() + 3 * 3_600_000)).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(uploads, unsent.id ?? ''))).toBe(false);
    expect(existsSync(join(uploads, `${unsent.id ?? ''}.json`))).toBe(false);
    expect(existsSync(join(uploads, sentUploadId))).toBe(true);
  });
});
