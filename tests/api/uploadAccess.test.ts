import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { UNSIGNED_BODY } from '../../src-main/core/sync-client/requestSigner.js';
import { encodeWav } from '../../sync/node/wav.js';
import { seedDemoDesks } from '../../sync/central/demo/demoDesks.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { centralRequests } from '../support/centralRequests.js';
import { ratingEnvelope } from '../support/envelope.js';
import { phoneClient, type PhoneClient } from '../support/phoneClient.js';
import { isSignedIn, signInStaff } from '../support/staffClient.js';
import { startCentral } from '../support/testCentral.js';
import type { TestDevice } from '../support/testDevice.js';
import { makeTempDir } from '../support/tempDir.js';

// Issue #30, found from outside: a phone's voice message was served to anyone who knew its upload id (and
// serving it could end Central), and another visit could write into it, delete it or read its state. Every
// tus route Central serves is tried here as a stranger would: no cookie, another phone's cookie, another
// kiosk's signature, and hostile method and abort combinations, against a real Central on loopback.
const dir = makeTempDir('upload-access');
const uploads = () => join(dir.path, 'central', 'uploads');
let central: RunningCentral;
let kioskA: TestDevice;
let kioskB: TestDevice;
/** Errors nobody caught while Central served: any one is a request that could end the process. */
const uncaught: unknown[] = [];
const noteUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  process.on('uncaughtException', noteUncaught);
  process.on('unhandledRejection', noteUncaught);
  central = await startCentral({ dataDir: join(dir.path, 'central'), starterContent: demoContentPack });
  await seedDemoDesks(central.db, ['civil-registry', 'passports']);
  kioskA = await centralRequests(() => central).enrol();
  kioskB = await centralRequests(() => central).enrol();
});
afterAll(async () => {
  process.off('uncaughtException', noteUncaught);
  process.off('unhandledRejection', noteUncaught);
  await central.close();
  dir.remove();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
function toneWav(seconds: number): Buffer {
  const samples = new Int16Array(16_000 * seconds);
  for (let index = 0; index < samples.length; index += 1) samples[index] = Math.round(6000 * Math.sin(index / 4));
  return encodeWav(samples, { sampleRate: 16_000, channels: 1 });
}

const phoneHeaders = (phone: PhoneClient | undefined) => ({
  'tus-resumable': '1.0.0',
  'sec-fetch-site': 'same-origin',
  ...(phone ? { cookie: phone.cookie } : {}),
});
/** A phone's upload as the feedback page's recorder makes it: created with the form token, then one PATCH. */
async function phoneUpload(phone: PhoneClient, body: Buffer, sendBytes = body.length): Promise<string> {
  const created = await fetch(`${central.url}/phone/uploads`, {
    method: 'POST',
    headers: { ...phoneHeaders(phone), 'upload-length': String(body.length), 'x-csrf-token': phone.csrf },
  });
  expect(created.status).toBe(201);
  const path = new URL(created.headers.get('location') ?? '', central.url).pathname;
  const patched = await phonePatch(phone, path, body.subarray(0, sendBytes));
  expect(patched.status).toBe(204);
  return path;
}
const phonePatch = (phone: PhoneClient | undefined, path: string, bytes: Buffer, offset = 0) =>
  fetch(`${central.url}${path}`, {
    method: 'PATCH',
    headers: { ...phoneHeaders(phone), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
const fileOf = (path: string) => join(uploads(), path.split('/').pop() ?? '');

/** A kiosk's signed tus request, as tus-js-client sends it from the kiosk core. */
const kioskTus = (device: TestDevice | undefined, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) =>
  fetch(`${central.url}${path}`, {
    method,
    headers: { 'tus-resumable': '1.0.0', ...headers, ...(device ? device.sign(method, path, UNSIGNED_BODY) : {}) },
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
const metadata = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
/** Kiosk A declares a voice file in a rating, opens its upload and sends the first half, as a cut link leaves it. */
async function kioskHalfUpload(bytes: Buffer, seq: number): Promise<string> {
  const envelope = ratingEnvelope(seq);
  const declared = {
    ...envelope,
    attachments: [{ name: 'voice.wav', size: bytes.length, sha256: sha256(bytes), contentType: 'audio/wav' }],
  };
  const pushed = await centralRequests(() => central).post('/api/kiosk/submissions', { items: [declared] }, kioskA);
  expect(await pushed.json()).toMatchObject({ receipts: [{ status: 'accepted' }] });
  const created = await kioskTus(kioskA, 'POST', '/api/kiosk/uploads', {
    'upload-length': String(bytes.length),
    'upload-metadata': metadata({ submissionId: envelope.id, name: 'voice.wav', sha256: sha256(bytes), contentType: 'audio/wav' }),
  });
  expect(`${String(created.status)} ${await created.text()}`).toMatch(/^201/);
  const path = new URL(created.headers.get('location') ?? '').pathname;
  const half = await kioskTus(
    kioskA,
    'PATCH',
    path,
    { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    bytes.subarray(0, bytes.length / 2),
  );
  expect(half.status).toBe(204);
  return path;
}

/**
 * One request whose client gives up: as soon as the answer's headers arrive, after its first bytes, or
 * after sending a few bytes of a body it never finishes (the ways a phone on a weak link lets go).
 */
function abandonedRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  partialBody?: Buffer,
  letGo: 'at-headers' | 'at-first-bytes' = 'at-headers',
): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(path, central.url);
    const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (response) => {
      if (letGo === 'at-headers') request.destroy();
      response.once('data', () => request.destroy());
      response.once('end', () => resolve());
      response.resume();
    });
    request.once('error', () => resolve());
    request.once('close', () => resolve());
    if (partialBody) {
      request.write(partialBody);
      setTimeout(() => request.destroy(), 5);
    } else request.end();
  });
}

/** A GET read to the end, or let go once its headers are in: the mix that ended Central in 7 of 9 tries from outside. */
async function readOrAbort(path: string, readToEnd: boolean): Promise<void> {
  const controller = new AbortController();
  try {
    const answer = await fetch(`${central.url}${path}`, { signal: controller.signal });
    if (readToEnd) await answer.arrayBuffer();
    else controller.abort();
  } catch {
    // The client's own abort.
  }
}

describe('uploads are never downloaded', () => {
  it('answers 405 to GET on a phone upload, with a cookie or without, and to GET on a kiosk upload, signed or not', async () => {
    const phone = phoneClient(central.url);
    await phone.get('/D/TB01-07/feedback?lang=en');
    const path = await phoneUpload(phone, toneWav(1));
    for (const cookie of [{}, { cookie: phone.cookie }] as Record<string, string>[]) {
      const answer = await fetch(`${central.url}${path}`, { headers: cookie });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('content-type')).not.toMatch(/audio/);
    }
    const kioskPath = await kioskHalfUpload(toneWav(1), 1);
    expect((await kioskTus(kioskA, 'GET', kioskPath)).status).toBe(405);
    expect((await kioskTus(undefined, 'GET', kioskPath)).status).toBe(405);
  });
});

describe('an upload answers only the visit or kiosk that made it', () => {
  it("refuses another phone's HEAD, PATCH and DELETE before a byte is written, and its owner's upload goes on", async () => {
    const owner = phoneClient(central.url);
    await owner.get('/D/TB01-07/feedback?lang=en');
    const wav = toneWav(1);
    const path = await phoneUpload(owner, wav, 4096);
    const before = readFileSync(fileOf(path));
    const stranger = phoneClient(central.url);
    await stranger.get('/D/TB01-07/feedback?lang=en');
    for (const intruder of [stranger, undefined]) {
      expect((await fetch(`${central.url}${path}`, { method: 'HEAD', headers: phoneHeaders(intruder) })).status).toBe(404);
      expect((await phonePatch(intruder, path, Buffer.alloc(4096, 0x7f), 4096)).status).toBe(404);
      expect((await fetch(`${central.url}${path}`, { method: 'DELETE', headers: phoneHeaders(intruder) })).status).toBe(404);
    }
    // Nothing of the intruders' reached the file, and it is still there for its owner.
    expect(sha256(readFileSync(fileOf(path)))).toBe(sha256(before));
    const head = await fetch(`${central.url}${path}`, { method: 'HEAD', headers: phoneHeaders(owner) });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('4096');
    expect((await phonePatch(owner, path, wav.subarray(4096), 4096)).status).toBe(204);
    expect(sha256(readFileSync(fileOf(path)))).toBe(sha256(wav));
    // An id that is not one of ours is the same 404, not a hint.
    expect((await fetch(`${central.url}/phone/uploads/..%2Fcentral.sqlite`, { method: 'HEAD', headers: phoneHeaders(owner) })).status).toBe(
      404,
    );
  });

  it("refuses another kiosk's signed HEAD, PATCH and DELETE on an upload, and an unsigned one, before tus reads it", async () => {
    const bytes = toneWav(1);
    const path = await kioskHalfUpload(bytes, 2);
    const file = join(uploads(), path.split('/').pop() ?? '');
    const before = readFileSync(file);
    const patchHeaders = { 'upload-offset': String(bytes.length / 2), 'content-type': 'application/offset+octet-stream' };
    expect((await kioskTus(kioskB, 'HEAD', path)).status).toBe(404);
    expect((await kioskTus(kioskB, 'PATCH', path, patchHeaders, Buffer.alloc(bytes.length / 2))).status).toBe(404);
    expect((await kioskTus(kioskB, 'DELETE', path)).status).toBe(404);
    expect((await kioskTus(undefined, 'HEAD', path)).status).toBe(401);
    expect((await kioskTus(undefined, 'DELETE', path)).status).toBe(401);
    expect(existsSync(file)).toBe(true);
    expect(sha256(readFileSync(file))).toBe(sha256(before));
    // Its own kiosk resumes it where it stopped and completes the submission.
    const head = await kioskTus(kioskA, 'HEAD', path);
    expect(head.headers.get('upload-offset')).toBe(String(bytes.length / 2));
    expect((await kioskTus(kioskA, 'PATCH', path, patchHeaders, bytes.subarray(bytes.length / 2))).status).toBe(204);
    expect(sha256(readFileSync(file))).toBe(sha256(bytes));
  });
});

describe('Central under hostile upload traffic', () => {
  it(
    'survives 50 rounds of concurrent and abandoned GET, HEAD, PATCH and DELETE on every tus route and staff voice route',
    { timeout: 120_000 },
    async () => {
      const phone = phoneClient(central.url);
      await phone.get('/D/TB01-07/feedback?lang=en');
      const wav = toneWav(2);
      const phonePath = await phoneUpload(phone, wav);
      const sent = await phone.post('/D/TB01-07/feedback', {
        kind: 'suggestion',
        service: 'civil-registry',
        message: '',
        voiceUpload: phonePath.split('/').pop() ?? '',
      });
      expect(sent.url).toBe('/D/TB01-07/thanks');
      await phone.get('/D/TB01-07/feedback?lang=en');
      const partialPath = await phoneUpload(phone, toneWav(1), 1000);
      const kioskPath = await kioskHalfUpload(toneWav(1), 3);
      const feedbackCode = (await central.db.selectFrom('feedback').select('code').where('has_voice', '=', 1).executeTakeFirstOrThrow())
        .code;
      await createStaffUser(central.db, 'hostile-admin', 'hostile-admin-password', 'admin');
      const staff = await signInStaff(central, 'hostile-admin', 'hostile-admin-password');
      if (!isSignedIn(staff)) throw new Error('staff sign-in failed');

      const phoneAs = { ...phoneHeaders(phone), 'content-type': 'application/offset+octet-stream', 'upload-offset': '1000' };
      for (let round = 0; round < 50; round += 1) {
        const requests = [
          ...Array.from({ length: 10 }, (_, index) => readOrAbort(phonePath, index % 2 === 0)),
          abandonedRequest('GET', phonePath, { cookie: phone.cookie }, undefined, 'at-first-bytes'),
          abandonedRequest('HEAD', partialPath, phoneHeaders(phone)),
          abandonedRequest('PATCH', partialPath, phoneAs, Buffer.alloc(2048, round)),
          abandonedRequest('DELETE', `/phone/uploads/${'0'.repeat(32)}`, phoneHeaders(phone)),
          abandonedRequest('GET', kioskPath, kioskA.sign('GET', kioskPath, UNSIGNED_BODY)),
          abandonedRequest('HEAD', kioskPath, { 'tus-resumable': '1.0.0', ...kioskA.sign('HEAD', kioskPath, UNSIGNED_BODY) }),
          abandonedRequest(
            'PATCH',
            kioskPath,
            {
              'tus-resumable': '1.0.0',
              'content-type': 'application/offset+octet-stream',
              'upload-offset': String(16_000),
              ...kioskA.sign('PATCH', kioskPath, UNSIGNED_BODY),
            },
            Buffer.alloc(1024, round),
          ),
          abandonedRequest('PATCH', kioskPath, { 'tus-resumable': '1.0.0', 'upload-offset': '0' }, Buffer.alloc(512)),
          abandonedRequest('GET', `/console/feedback/${feedbackCode}/voice.wav`, { cookie: staff.cookie }),
          abandonedRequest('GET', `/console/feedback/${feedbackCode}/voice.wav`, { cookie: staff.cookie }, undefined, 'at-first-bytes'),
          abandonedRequest('GET', `/console/feedback/${feedbackCode}/voice.wav`, {}),
        ];
        await Promise.all(requests);
      }
      expect(uncaught).toEqual([]);
      expect((await fetch(`${central.url}/api/ready`)).status).toBe(200);
      // Staff hear it only signed in: without the console session the same address gives no audio.
      const stranger = await fetch(`${central.url}/console/feedback/${feedbackCode}/voice.wav`, { redirect: 'manual' });
      expect(stranger.headers.get('content-type') ?? '').not.toMatch(/audio/);
      expect([303, 401, 403]).toContain(stranger.status);
      // Still whole for the staff who will hear it, byte for byte, and still taking new uploads.
      const heard = await fetch(`${central.url}/console/feedback/${feedbackCode}/voice.wav`, { headers: { cookie: staff.cookie } });
      expect(sha256(Buffer.from(await heard.arrayBuffer()))).toBe(sha256(wav));
      expect((await phoneUpload(phone, toneWav(1))).startsWith('/phone/uploads/')).toBe(true);
    },
  );
});
