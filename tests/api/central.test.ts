import { describe, expect, it } from 'vitest';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import { centralRequests } from '../support/centralRequests.js';
import { useCentral } from '../support/useCentral.js';
import { ratingEnvelope } from '../support/envelope.js';
import { newDeviceKey, testDevice } from '../support/testDevice.js';

const central = useCentral('central-api');
const http = centralRequests(central);

describe('enrolment', () => {
  it('exchanges a valid token and a public key for a device record, once', async () => {
    const { token } = await createEnrolmentToken(central().db, 'rustavi', 1);
    const key = newDeviceKey();
    const first = await http.post('/api/kiosk/enrol', { token, kioskId: 'rustavi-01', publicKey: key.publicKeyPem });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { deviceId: string; branchId: string };
    expect(body.branchId).toBe('rustavi');
    const device = await central().db.selectFrom('devices').selectAll().where('id', '=', body.deviceId).executeTakeFirstOrThrow();
    expect(device.public_key).toBe(key.publicKeyPem);

    const reused = await http.post('/api/kiosk/enrol', { token, kioskId: 'rustavi-02', publicKey: newDeviceKey().publicKeyPem });
    expect(reused.status).toBe(403);
    expect(await reused.json()).toMatchObject({ error: 'token-used', field: 'token' });
  });

  it('refuses an expired token, an unknown one, and a key that is not Ed25519', async () => {
    const publicKey = newDeviceKey().publicKeyPem;
    const { token } = await createEnrolmentToken(central().db, 'batumi', -1);
    const expired = await http.post('/api/kiosk/enrol', { token, kioskId: 'batumi-01', publicKey });
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ error: 'token-expired' });
    const unknown = await http.post('/api/kiosk/enrol', { token: 'x'.repeat(32), kioskId: 'batumi-01', publicKey });
    expect(await unknown.json()).toMatchObject({ error: 'unknown-token' });
    const { token: fresh } = await createEnrolmentToken(central().db, 'batumi', 1);
    const notAKey = await http.post('/api/kiosk/enrol', {
      token: fresh,
      kioskId: 'batumi-01',
      publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
    });
    expect(notAKey.status).toBe(400);
    expect(await notAKey.json()).toMatchObject({ error: 'bad-public-key', field: 'publicKey' });
  });
});

describe('submission push', () => {
  it('accepts a batch, and a replay of it gets duplicate receipts without new rows', async () => {
    const device = await http.enrol();
    const items = [ratingEnvelope(1), ratingEnvelope(2, { score: 2, comment: 'რიგი ძალიან გრძელი იყო' })];
    const first = await http.post('/api/kiosk/submissions', { items }, device);
    expect(first.status).toBe(200);
    const { receipts } = (await first.json()) as { receipts: Array<{ id: string; status: string }> };
    expect(receipts.map((r) => [r.id, r.status])).toEqual(items.map((item) => [item.id, 'accepted']));

    const replay = await http.post('/api/kiosk/submissions', { items }, device);
    const replayed = (await replay.json()) as { receipts: Array<{ status: string }> };
    expect(replayed.receipts.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    const rows = await central()
      .db.selectFrom('submissions')
      .select(['id', 'payload_json'])
      .where('device_id', '=', device.deviceId)
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => JSON.parse(row.payload_json) as { comment?: string }).find((p) => p.comment)?.comment).toBe(
      'რიგი ძალიან გრძელი იყო',
    );

    // The public record: one ledger line for the batch, naming what it accepted; the replay adds none.
    const ledger = await central()
      .db.selectFrom('ledger')
      .select(['kind', 'subject', 'detail_json'])
      .where('kind', '=', 'submissions.received')
      .execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]?.subject).toBe(device.deviceId);
    expect(JSON.parse(ledger[0]?.detail_json ?? '{}')).toEqual({ accepted: items.map((item) => [item.id, item.seq, 'rating']) });
  });

  it('answers conflict for the same id with other content, and rejects a payload whose hash lies', async () => {
    const device = await http.enrol();
    const original = ratingEnvelope(1);
    await http.post('/api/kiosk/submissions', { items: [original] }, device);
    const changed = ratingEnvelope(1, { score: 1 });
    const lying = { ...ratingEnvelope(2), payloadSha256: '0'.repeat(64) };
    const response = await http.post('/api/kiosk/submissions', { items: [{ ...changed, id: original.id }, lying] }, device);
    const { receipts } = (await response.json()) as { receipts: Array<{ status: string; reason?: string }> };
    expect(receipts.map((r) => r.status)).toEqual(['conflict', 'rejected']);
    expect(receipts[1]?.reason).toMatch(/payloadSha256/);
  });

  it('answers 400 naming the field for a malformed body, and stores nothing', async () => {
    const device = await http.enrol();
    const bad = ratingEnvelope(1);
    const response = await http.post('/api/kiosk/submissions', { items: [{ ...bad, payload: { ...bad.payload, score: 9 } }] }, device);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad-request', field: 'items.0.payload.score' });

    const notJson = await http.post('/api/kiosk/submissions', '{"items": [', device);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ field: '(body)' });

    const count = await central()
      .db.selectFrom('submissions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('device_id', '=', device.deviceId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers 401 to an unknown device and to an unsigned request', async () => {
    const stranger = testDevice('5b0b7d4e-0000-4000-8000-000000000000', newDeviceKey());
    const unknown = await http.post('/api/kiosk/submissions', { items: [ratingEnvelope(1)] }, stranger);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'unknown-device' });
    const unsigned = await http.post('/api/kiosk/submissions', { items: [ratingEnvelope(1)] });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: 'missing-signature' });
  });
});

describe('content and metadata', () => {
  it('serves the content pack with an ETag and 304 when unchanged', async () => {
    const device = await http.enrol();
    const first = await http.get('/api/kiosk/content', device);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toBe('"v1"');
    const pack = (await first.json()) as { rating: { question: { ka: string } } };
    expect(pack.rating.question.ka).toContain('შეაფასებდით');
    const second = await http.get('/api/kiosk/content', device, { 'if-none-match': etag ?? '' });
    expect(second.status).toBe(304);
  });

  it('serves health and an OpenAPI document listing the kiosk routes', async () => {
    const health = await http.get('/api/health');
    expect(await health.json()).toMatchObject({ status: 'ok', protocolVersion: 1 });
    expect(await (await http.get('/api/ready')).json()).toEqual({ status: 'ready' });
    const openapi = (await (await http.get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/kiosk/enrol', '/api/kiosk/content', '/api/kiosk/submissions', '/api/health']),
    );
  });
});
