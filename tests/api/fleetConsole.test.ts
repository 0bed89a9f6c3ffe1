import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import type { Heartbeat } from '../../sync/protocol/fleet.js';
import { SIGNATURE_HEADERS, signingString } from '../../sync/protocol/signing.js';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol/version.js';
import { seedDemoDesks } from '../../sync/central/demo/demoDesks.js';
import { createEnrolmentToken, enrolDevice } from '../../sync/central/services/enrolment.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { isSignedIn, signInStaff, type StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// The fleet at Central (issue #17): a real Central given heartbeats over the signed kiosk API by two kiosks,
// one whose clock runs 150 s ahead and one that then falls silent; a technician reads the fleet and a kiosk's
// page and issues an enrolment token. Only the passing of time is simulated (the silent kiosk's last heartbeat
// is moved back two hours in the table), since a test cannot wait for it.
const dir = makeTempDir('fleet-console');
let central: RunningCentral;
let technician: StaffClient;

interface Kiosk {
  readonly deviceId: string;
  readonly privateKey: KeyObject;
}

async function enrol(kioskId: string): Promise<Kiosk> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { token } = await createEnrolmentToken(central.db, 'tbilisi-central', 1);
  const enrolled = await enrolDevice(central.db, token, kioskId, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  if (typeof enrolled === 'string') throw new Error(enrolled);
  return { deviceId: enrolled.deviceId, privateKey };
}

/** A heartbeat as a kiosk sends it, signed, with its clock `skewMs` off Central's. */
async function beat(kiosk: Kiosk, heartbeat: Partial<Heartbeat>, skewMs = 0): Promise<number> {
  const body = JSON.stringify({
    version: '0.1.0',
    queueDepth: 0,
    oldestPendingAgeSec: null,
    deadLetters: 0,
    lastSyncAt: null,
    freeDiskBytes: 10_000_000_000,
    deskId: 'desk-7',
    alerts: [],
    ...heartbeat,
  });
  const timestamp = String(Date.now() + skewMs);
  const nonce = randomBytes(16).toString('base64url');
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  const path = '/api/kiosk/heartbeat';
  const signature = sign(
    null,
    Buffer.from(signingString({ method: 'POST', path, bodySha256, timestamp, nonce, deviceId: kiosk.deviceId })),
    kiosk.privateKey,
  );
  const response = await fetch(`${central.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      [SIGNATURE_HEADERS.device]: kiosk.deviceId,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: signature.toString('base64'),
    },
    body,
  });
  return response.status;
}

beforeAll(async () => {
  central = await startCentral({ dataDir: join(dir.path, 'central'), starterContent: demoContentPack });
  await seedDemoDesks(central.db, ['civil-registry']);
  await createStaffUser(central.db, 'levan', 'a long enough password', 'technician');
  await createStaffUser(central.db, 'giorgi', 'a long enough password', 'editor');
  const signedIn = await signInStaff(central, 'levan', 'a long enough password');
  if (!isSignedIn(signedIn)) throw new Error(`sign-in failed: ${signedIn.status}`);
  technician = signedIn;
});
afterAll(async () => {
  await central.close();
  dir.remove();
});

describe('the fleet page', () => {
  it('shows a kiosk with a drifting clock and a silent kiosk as such, in words, with the rest of their heartbeat', async () => {
    const drifting = await enrol('tb-drifting');
    const quiet = await enrol('tb-quiet');
    expect(await beat(drifting, { queueDepth: 3 }, 150_000)).toBe(200);
    expect(await beat(quiet, { deadLetters: 2, deskId: 'desk-99' })).toBe(200);
    // Two hours pass for the quiet one.
    await central.db
      .updateTable('device_heartbeats')
      .set({ received_at: new Date(Date.now() - 2 * 3_600_000).toISOString() })
      .where('device_id', '=', quiet.deviceId)
      .execute();

    const page = await technician.page('/console/fleet');
    expect(page.status).toBe(200);
    expect(page.text).toContain('2 kiosks, 2 need attention.');
    const rowOf = (kioskId: string) => page.text.split('<tr>').find((row) => row.includes(`>${kioskId}</a>`)) ?? '';
    expect(rowOf('tb-drifting')).toContain('<strong class="state-attention">Clock off</strong>');
    expect(rowOf('tb-drifting')).toMatch(/<td class="num">\+1(49|50|51) s<\/td>/);
    expect(rowOf('tb-quiet')).toContain('<strong class="state-attention">Silent · Desk unknown to Central · Dead letters</strong>');

    const kiosk = await technician.page(`/console/fleet/${drifting.deviceId}`);
    expect(kiosk.text).toContain('<h1>Kiosk tb-drifting</h1>');
    expect(kiosk.text).toMatch(/<tr><th scope="row">Queue depth<\/th><td>3<\/td><\/tr>/);
    // Its history: the last six-hour period holds this heartbeat and its queue of 3; the eleven before it none.
    expect(kiosk.text).toMatch(/<td class="num">1<\/td><td class="num">3<\/td><\/tr><\/tbody>/);
    expect(kiosk.text.match(/<td class="num">0<\/td><td class="num">0<\/td><\/tr>/g)).toHaveLength(11);
    // A NUL in the address (found by the fuzzer, on PostgreSQL, whose text refuses it): a 404, never a 500.
    expect((await technician.page('/console/fleet/%00')).status).toBe(404);
    expect((await technician.page('/console/fleet/ab%00cd')).status).toBe(404);
  });

  it('issues an enrolment token shown once, which a kiosk can then use; editors may not see the fleet', async () => {
    const issued = await technician.post('/console/fleet/tokens', { branchId: 'tbilisi-central' });
    expect(issued.status).toBe(200);
    const token = /<p class="big code">([A-Za-z0-9_-]+)<\/p>/.exec(issued.text)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(issued.text).toContain('aria-label="QR code of the enrolment token"');
    // Central keeps only its hash: the page again does not show it.
    expect((await technician.page('/console/fleet')).text).not.toContain(token);
    const rows = await central.db.selectFrom('enrolment_tokens').select('token_sha256').execute();
    expect(rows.some((row) => row.token_sha256 === createHash('sha256').update(token).digest('hex'))).toBe(true);
    const { publicKey } = generateKeyPairSync('ed25519');
    const enrolled = await enrolDevice(central.db, token, 'tb-new', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(enrolled).toMatchObject({ branchId: 'tbilisi-central' });
    expect((await technician.post('/console/fleet/tokens', { branchId: 'nowhere' })).status).toBe(400);

    const editor = await signInStaff(central, 'giorgi', 'a long enough password');
    if (!isSignedIn(editor)) throw new Error('sign-in failed');
    expect((await editor.page('/console/fleet')).status).toBe(403);
  });
});
