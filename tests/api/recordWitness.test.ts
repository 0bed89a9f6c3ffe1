import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { readDeviceIdentity } from '../../src-main/core/device/deviceIdentity.js';
import { loadOrCreateDeviceKey } from '../../src-main/core/device/deviceKey.js';
import { createCentralClient } from '../../src-main/core/sync-client/centralClient.js';
import { createRequestSigner } from '../../src-main/core/sync-client/requestSigner.js';
import { witnessName } from '../../sync/protocol/witness.js';
import { parseCheckpoint } from '../../sync/record/checkpoint.js';
import { cosign, openCosignature } from '../../sync/record/cosignature.js';
import { parseNote } from '../../sync/record/note.js';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import { appendLedger } from '../../sync/central/services/ledger.js';
import { acceptCosignature } from '../../sync/central/services/record/cosignatures.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { freePort } from '../support/freePort.js';
import { backUpCentral, restoreCentral } from '../support/centralBackup.js';
import { makeTempDir } from '../support/tempDir.js';

// Kiosks as witnesses of the public record (issue #15): a real kiosk core and a real Central on a
// fixed loopback port, which is stopped, backed up, restored from the backup and changed behind the
// kiosk's back, as an operator (or an attacker with the database) could.
const ORIGIN = 'psh.example.ge/record';
const dir = makeTempDir('record-witness');
const centralDir = join(dir.path, 'central');
let port: number;
let central: RunningCentral;
let core: KioskCore;
let deviceId: string;
const warnings: string[] = [];

const start = async () => {
  central = await startCentral({ dataDir: centralDir, port, starterContent: demoContentPack, publicUrl: 'https://psh.example.ge/' });
};
/** Central signs at most one checkpoint a second: wait it out, then let the kiosk sync and witness. */
const syncAfterNextCheckpoint = async () => {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await core.sync.syncNow();
};
const events = async (count: number, tag: string) => {
  for (let at = 0; at < count; at += 1) await appendLedger(central.db, 'test.event', `${tag}-${String(at)}`, {});
};
const seen = () => core.db.prepare<[], { size: number }>('SELECT size FROM record_witness').get()?.size;
const evidence = () =>
  core.db
    .prepare<[], { reason: string }>('SELECT reason FROM record_evidence ORDER BY found_at')
    .all()
    .map((row) => row.reason);
const cosignedBy = async (size: number) =>
  (await central.db.selectFrom('record_latest_cosignatures').select('device_id').where('size', '=', size).execute()).map(
    (row) => row.device_id,
  );

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  port = await freePort();
  await start();
  const { token } = await createEnrolmentToken(central.db, 'rustavi', 1);
  core = createKioskCore(
    KioskConfig.parse({
      kioskId: 'witness-kiosk',
      branchId: 'rustavi',
      desk: { id: 'desk-1', services: ['civil-registry'] },
      central: { url: central.url, enrolmentToken: token, syncIntervalMs: 3_600_000, backoffBaseMs: 50, backoffCapMs: 200 },
      starterContent: DEMO_CONTENT_FILE,
      dataDir: join(dir.path, 'kiosk'),
    }),
  );
  await core.sync.syncNow();
  deviceId = readDeviceIdentity(join(dir.path, 'kiosk'))?.deviceId ?? '';
});
afterAll(async () => {
  vi.restoreAllMocks();
  await core.close();
  await central.close();
  dir.remove();
});

describe('a kiosk witnessing the public record', () => {
  it('cosigns each checkpoint it finds consistent, and Central serves the cosignature with the checkpoint', async () => {
    await syncAfterNextCheckpoint(); // the enrolment's own entry is in the record now
    const first = seen() ?? 0;
    expect(first).toBeGreaterThan(0);
    await events(4, 'grown');
    await syncAfterNextCheckpoint();
    expect(seen()).toBe(first + 4);
    expect(await cosignedBy(first + 4)).toEqual([deviceId]);
    // Any client reads the kiosk's line on the served checkpoint and checks it with the kiosk's enrolled key.
    const note = await (await fetch(`${central.url}/record/checkpoint`)).text();
    const { text, signatures } = parseNote(note);
    expect(parseCheckpoint(text).size).toBe(first + 4);
    const device = await central.db.selectFrom('devices').select('public_key').where('id', '=', deviceId).executeTakeFirstOrThrow();
    const line = note.split('\n').find((candidate) => candidate.startsWith(`— ${witnessName(ORIGIN, deviceId)} `)) ?? '';
    expect(openCosignature(text, line, witnessName(ORIGIN, deviceId), createPublicKey(device.public_key))).toBeDefined();
    expect(signatures.map((signature) => signature.name)).toEqual([ORIGIN, witnessName(ORIGIN, deviceId)]);
    expect(evidence()).toEqual([]);
  });

  it('refuses a cosignature of a checkpoint Central never signed, or by another key, naming the field', async () => {
    const key = loadOrCreateDeviceKey(join(dir.path, 'kiosk'));
    const signer = createRequestSigner(deviceId, key);
    const client = createCentralClient(central.url);
    const body = parseNote(await (await fetch(`${central.url}/record/checkpoint`)).text()).text;
    const other = body.replace(/\n\d+\n/, '\n999999\n');
    await expect(
      client.cosign(signer, { checkpoint: other, cosignature: cosign(other, witnessName(ORIGIN, deviceId), key.privateKey) }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('not a checkpoint this Central signed') as unknown,
    });
    await expect(
      client.cosign(signer, {
        checkpoint: body,
        cosignature: cosign(body, witnessName(ORIGIN, deviceId), generateKeyPairSync('ed25519').privateKey),
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('not a cosignature/v1 of this checkpoint') as unknown });
  });

  it('keeps evidence, raises an alert and does not cosign when Central is restored from an older backup, then rewritten', async () => {
    const before = seen() ?? 0;
    await central.close();
    await backUpCentral(centralDir, join(dir.path, 'backup'));
    await start();
    await events(3, 'after-backup');
    await syncAfterNextCheckpoint();
    expect(seen()).toBe(before + 3);
    // The older backup comes back (the database alone, as an operator restores it).
    await central.close();
    await restoreCentral(centralDir, join(dir.path, 'backup'));
    await start();
    await syncAfterNextCheckpoint();
    expect(evidence()).toEqual([
      `the record shrank from ${String(before + 3)} to ${String(before)} entries (a rollback, or another view of the log)`,
    ]);
    expect(seen()).toBe(before + 3); // still checked against what it saw
    expect(await cosignedBy(before)).toEqual([deviceId]); // the earlier, honest cosignature only
    const alerts = await central.db.selectFrom('device_alerts').select(['kind']).where('device_id', '=', deviceId).execute();
    expect(alerts.map((alert) => alert.kind)).toContain('record-inconsistent');
    // The restored Central records other events past the size the kiosk saw: a consistency proof from
    // its tiles cannot make that an extension of what the kiosk saw.
    await events(5, 'rewritten');
    await syncAfterNextCheckpoint();
    expect(evidence()[1]).toBe(
      `the ${String(before + 5)}-entry record does not extend the ${String(before + 3)}-entry one seen before (rewritten, or a split view)`,
    );
    expect(await cosignedBy(before + 5)).toEqual([]);
    expect(warnings.filter((warning) => warning.includes('record witness'))).toEqual([]);
  });

  it("serves each kiosk's latest cosignature, and keeps as history only its first in each hour: rows grow with kiosks and hours, not with rounds", async () => {
    const kioskDir = join(dir.path, 'kiosk-2');
    const { token } = await createEnrolmentToken(central.db, 'rustavi', 1);
    const second = createKioskCore(
      KioskConfig.parse({
        kioskId: 'witness-kiosk-2',
        branchId: 'rustavi',
        desk: { id: 'desk-2', services: ['civil-registry'] },
        central: { url: central.url, enrolmentToken: token, syncIntervalMs: 3_600_000 },
        starterContent: DEMO_CONTENT_FILE,
        dataDir: kioskDir,
      }),
    );
    try {
      const history = async () =>
        (await central.db.selectFrom('record_cosignatures').select('size').where('device_id', '=', secondId).orderBy('size').execute()).map(
          (row) => row.size,
        );
      const checkpointNow = async () => parseNote(await (await fetch(`${central.url}/record/checkpoint`)).text()).text;
      await second.sync.syncNow(); // enrols: its enrolment is an entry of the record
      const secondId = readDeviceIdentity(kioskDir)?.deviceId ?? '';
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await second.sync.syncNow(); // witnesses the record with it: its first cosignature is history
      const [first] = await history();
      expect(first).toBeGreaterThan(0);
      // Rounds within the hour: each is served as the kiosk's latest, none is added to the history.
      for (const tag of ['round-2', 'round-3']) {
        await events(2, tag);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await second.sync.syncNow();
      }
      const servedSize = parseCheckpoint(await checkpointNow()).size;
      expect(await cosignedBy(servedSize)).toContain(secondId);
      expect(await cosignedBy(first ?? 0)).not.toContain(secondId);
      expect(await history()).toEqual([first]);
      // An hour on (the time given, as Central's clock would have it), its next cosignature is history too.
      await events(1, 'an-hour-on');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const body = await checkpointNow();
      const key = loadOrCreateDeviceKey(kioskDir);
      const anHourOn = new Date(Date.now() + 61 * 60 * 1000);
      const line = cosign(body, witnessName(ORIGIN, secondId), key.privateKey);
      expect(await acceptCosignature(central.db, ORIGIN, secondId, body, line, anHourOn)).toEqual({ witnesses: 1 });
      expect(await history()).toEqual([first, parseCheckpoint(body).size]);
      // The served checkpoint carries the kiosk's newest line; an older checkpoint's cosignature never replaces it.
      expect((await (await fetch(`${central.url}/record/checkpoint`)).text()).split('\n')).toContain(line);
      const older = await central.db
        .selectFrom('record_cosignatures')
        .select(['size', 'line'])
        .where('device_id', '=', secondId)
        .where('size', '=', first ?? 0)
        .executeTakeFirstOrThrow();
      const olderBody = parseNote(
        (await central.db.selectFrom('record_checkpoints').select('note').where('size', '=', older.size).executeTakeFirstOrThrow()).note,
      ).text;
      await acceptCosignature(central.db, ORIGIN, secondId, olderBody, older.line, new Date(anHourOn.getTime() + 2 * 60 * 60 * 1000));
      expect(await cosignedBy(parseCheckpoint(body).size)).toContain(secondId);
      expect(await history()).toEqual([first, parseCheckpoint(body).size]);
    } finally {
      await second.close();
    }
  });

  it('waits out a 429 on the record for as long as Central says, and warns once, not every round', async () => {
    // The kiosks of a branch share its address with its phones: here the test spends the address's budget for
    // the checkpoint (300 a minute) as they could, from the same 127.0.0.1 the kiosk reads from.
    let status = 200;
    for (let read = 0; read < 400 && status !== 429; read += 1) status = (await fetch(`${central.url}/record/checkpoint`)).status;
    expect(status).toBe(429);
    const before = warnings.length;
    await syncAfterNextCheckpoint();
    await syncAfterNextCheckpoint();
    await syncAfterNextCheckpoint();
    const said = warnings.slice(before).filter((warning) => warning.includes('record witness'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^record witness: Central limits reading its record from this address; witnessing again in \d+ s$/);
    // The rest of the round went on: the heartbeat was sent, nothing is held up.
    expect(core.sync.status().state).toBe('idle');
  });
});
