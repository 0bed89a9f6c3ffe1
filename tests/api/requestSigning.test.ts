import { describe, expect, it } from 'vitest';
import { SIGNATURE_HEADERS } from '../../sync/protocol/signing.js';
import { revokeDevice } from '../../sync/central/services/enrolment.js';
import { centralRequests } from '../support/centralRequests.js';
import { useCentral } from '../support/useCentral.js';
import { ratingEnvelope } from '../support/envelope.js';

// Signed requests against a real Central: replayed, tampered, stale and revoked all fail, nothing stored.
const central = useCentral('central-signing');
const http = centralRequests(central);
const PATH = '/api/kiosk/submissions';

const rowCount = async (deviceId: string) =>
  Number(
    (
      await central()
        .db.selectFrom('submissions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('device_id', '=', deviceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const rawPost = (body: string, headers: Record<string, string>) =>
  fetch(`${central().url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('request signing', () => {
  it('stores one row per item when the same signed batch arrives 50 times at once', async () => {
    const device = await http.enrol();
    const body = JSON.stringify({ items: [ratingEnvelope(1), ratingEnvelope(2), ratingEnvelope(3)] });
    const headers = device.sign('POST', PATH, body);
    const statuses = await Promise.all(Array.from({ length: 50 }, () => rawPost(body, headers).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(49);
    expect(await rowCount(device.deviceId)).toBe(3);
  });

  it('refuses a reused nonce even with a new, valid signature over other content', async () => {
    const device = await http.enrol();
    const first = JSON.stringify({ items: [ratingEnvelope(1)] });
    const headers = device.sign('POST', PATH, first);
    expect((await rawPost(first, headers)).status).toBe(200);
    const replay = await rawPost(first, headers);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: 'replayed-nonce' });
    expect(await rowCount(device.deviceId)).toBe(1);
  });

  it('refuses a tampered body, an old timestamp and a forged signature', async () => {
    const device = await http.enrol();
    const body = JSON.stringify({ items: [ratingEnvelope(1, { score: 5 })] });
    const headers = device.sign('POST', PATH, body);
    const tampered = await rawPost(body.replace('"score":5', '"score":1'), headers);
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: 'bad-signature' });

    const stale = device.sign('POST', PATH, body);
    const old = String(Date.now() - 6 * 60 * 1000);
    const staleResponse = await rawPost(body, { ...stale, [SIGNATURE_HEADERS.timestamp]: old });
    expect(await staleResponse.json()).toMatchObject({ error: 'stale-timestamp' });

    const forged = { ...device.sign('POST', PATH, body), [SIGNATURE_HEADERS.signature]: Buffer.alloc(64, 7).toString('base64') };
    expect(await (await rawPost(body, forged)).json()).toMatchObject({ error: 'bad-signature' });

    const otherPath = device.sign('POST', '/api/kiosk/other', body);
    expect(await (await rawPost(body, otherPath)).json()).toMatchObject({ error: 'bad-signature' });
    expect(await rowCount(device.deviceId)).toBe(0);
  });

  it('refuses every request of a revoked device', async () => {
    const device = await http.enrol();
    expect(await revokeDevice(central().db, device.deviceId)).toBe(true);
    const response = await http.post(PATH, { items: [ratingEnvelope(1)] }, device);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'revoked-device' });
    expect(await rowCount(device.deviceId)).toBe(0);
  });
});
