import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentToken } from '../../sync/server/services/enrolment.js';
import { startCentral, type RunningCentral } from '../../sync/server/startCentral.js';
import { ratingEnvelope } from '../support/envelope.js';
import { makeTempDir } from '../support/tempDir.js';

// A real Central on an ephemeral loopback port with its own temp SQLite file.
let central: RunningCentral;
const dir = makeTempDir('central-api');
beforeAll(async () => {
  central = await startCentral({ dataDir: dir.path });
});
afterAll(async () => {
  await central.close();
  dir.remove();
});

const post = (path: string, body: unknown, credential?: string) =>
  fetch(`${central.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const enrol = async (branch = 'tbilisi-central') => {
  const { token } = await createEnrolmentToken(central.db, branch, 1);
  const response = await post('/api/kiosk/enrol', { token, kioskId: 'kiosk-a' });
  expect(response.status).toBe(200);
  return (await response.json()) as { deviceId: string; credential: string; maxBatchItems: number };
};

describe('enrolment', () => {
  it('exchanges a valid token for a device credential, once', async () => {
    const { token } = await createEnrolmentToken(central.db, 'rustavi', 1);
    const first = await post('/api/kiosk/enrol', { token, kioskId: 'rustavi-01' });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { deviceId: string; credential: string; branchId: string };
    expect(body.branchId).toBe('rustavi');
    expect(body.credential.length).toBeGreaterThanOrEqual(32);
    const device = await central.db.selectFrom('devices').selectAll().where('id', '=', body.deviceId).executeTakeFirstOrThrow();
    expect(device.credential_sha256).not.toContain(body.credential);

    const reused = await post('/api/kiosk/enrol', { token, kioskId: 'rustavi-02' });
    expect(reused.status).toBe(403);
    expect(await reused.json()).toMatchObject({ error: 'token-used', field: 'token' });
  });

  it('refuses an expired token and an unknown one', async () => {
    const { token } = await createEnrolmentToken(central.db, 'batumi', -1);
    const expired = await post('/api/kiosk/enrol', { token, kioskId: 'batumi-01' });
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ error: 'token-expired' });
    const unknown = await post('/api/kiosk/enrol', { token: 'x'.repeat(32), kioskId: 'batumi-01' });
    expect(await unknown.json()).toMatchObject({ error: 'unknown-token' });
  });
});

describe('submission push', () => {
  it('accepts a batch, and a replay of it gets duplicate receipts without new rows', async () => {
    const { credential, deviceId } = await enrol();
    const items = [ratingEnvelope(1), ratingEnvelope(2, { score: 2, comment: 'რიგი ძალიან გრძელი იყო' })];
    const first = await post('/api/kiosk/submissions', { items }, credential);
    expect(first.status).toBe(200);
    const { receipts } = (await first.json()) as { receipts: Array<{ id: string; status: string }> };
    expect(receipts.map((r) => [r.id, r.status])).toEqual(items.map((item) => [item.id, 'accepted']));

    const replay = await post('/api/kiosk/submissions', { items }, credential);
    const replayed = (await replay.json()) as { receipts: Array<{ status: string }> };
    expect(replayed.receipts.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    const rows = await central.db.selectFrom('submissions').select(['id', 'payload_json']).where('device_id', '=', deviceId).execute();
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => JSON.parse(row.payload_json) as { comment?: string }).find((p) => p.comment)?.comment).toBe('რიგი ძალიან გრძელი იყო');
  });

  it('answers conflict for the same id with other content, and rejects a payload whose hash lies', async () => {
    const { credential } = await enrol();
    const original = ratingEnvelope(1);
    await post('/api/kiosk/submissions', { items: [original] }, credential);
    const changed = ratingEnvelope(1, { score: 1 });
    const lying = { ...ratingEnvelope(2), payloadSha256: '0'.repeat(64) };
    const response = await post('/api/kiosk/submissions', { items: [{ ...changed, id: original.id }, lying] }, credential);
    const { receipts } = (await response.json()) as { receipts: Array<{ status: string; reason?: string }> };
    expect(receipts.map((r) => r.status)).toEqual(['conflict', 'rejected']);
    expect(receipts[1]?.reason).toMatch(/payloadSha256/);
  });

  it('answers 400 naming the field for a malformed body, and stores nothing', async () => {
    const { credential, deviceId } = await enrol();
    const bad = ratingEnvelope(1);
    const response = await post('/api/kiosk/submissions', { items: [{ ...bad, payload: { ...bad.payload, score: 9 } }] }, credential);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad-request', field: 'items.0.payload.score' });

    const notJson = await post('/api/kiosk/submissions', '{"items": [', credential);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ field: '(body)' });

    const count = await central.db.selectFrom('submissions').select((eb) => eb.fn.countAll().as('n')).where('device_id', '=', deviceId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers 401 to an unknown device and a missing credential', async () => {
    const unknown = await post('/api/kiosk/submissions', { items: [ratingEnvelope(1)] }, 'not-a-real-credential-of-any-device');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'unknown-device' });
    const missing = await post('/api/kiosk/submissions', { items: [ratingEnvelope(1)] });
    expect(missing.status).toBe(401);
  });
});

describe('content and metadata', () => {
  it('serves the content pack with an ETag and 304 when unchanged', async () => {
    const { credential } = await enrol();
    const auth = { authorization: `Bearer ${credential}` };
    const first = await fetch(`${central.url}/api/kiosk/content`, { headers: auth });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toBe('"v1"');
    const pack = (await first.json()) as { rating: { question: { ka: string } } };
    expect(pack.rating.question.ka).toContain('შეაფასებდით');
    const second = await fetch(`${central.url}/api/kiosk/content`, { headers: { ...auth, 'if-none-match': etag ?? '' } });
    expect(second.status).toBe(304);
  });

  it('serves health and an OpenAPI document listing the kiosk routes', async () => {
    const health = await fetch(`${central.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', protocolVersion: 1 });
    const openapi = (await (await fetch(`${central.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/kiosk/enrol', '/api/kiosk/content', '/api/kiosk/submissions', '/api/health']));
  });
});
