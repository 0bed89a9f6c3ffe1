import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { readDeviceIdentity } from '../../src-main/core/device/deviceIdentity.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { createEnrolmentToken, revokeDevice } from '../../sync/central/services/enrolment.js';
import { seedDemoDesks } from '../../sync/central/demo/demoDesks.js';
import { fleetStatus } from '../../sync/central/services/fleet.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { freePort } from '../support/freePort.js';
import { backUpCentral, restoreCentral } from '../support/centralBackup.js';
import { makeTempDir } from '../support/tempDir.js';

// The kiosk core's sync client against a real Central on loopback, through a plain outage.
const TOKEN = 'sync-test-enrolment-token-000000';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const rating = (score: number) => ({
  type: 'rating' as const,
  serviceId: 'civil-registry',
  deskId: 'desk-7',
  score,
  language: 'ka' as const,
});

async function setup(centralOptions: { minProtocolVersion?: number } = {}, syncIntervalMs?: number) {
  const dir = makeTempDir('sync');
  cleanups.push(dir.remove);
  const port = await freePort();
  const centralData = join(dir.path, 'central');
  const start = (options = centralOptions) =>
    startCentral({
      starterContent: demoContentPack,
      dataDir: centralData,
      port,
      demoToken: { token: TOKEN, branchId: 'tbilisi-central' },
      ...options,
    });
  let central: RunningCentral | undefined = await start();
  cleanups.push(() => central?.close());
  const config = KioskConfig.parse({
    kioskId: 'sync-kiosk',
    branchId: 'tbilisi-central',
    desk: { id: 'desk-7', services: ['civil-registry'] },
    central: {
      url: `http://127.0.0.1:${port}`,
      enrolmentToken: TOKEN,
      backoffBaseMs: 50,
      backoffCapMs: 200,
      healthProbeMs: 100,
      ...(syncIntervalMs === undefined ? {} : { syncIntervalMs }),
    },
    starterContent: DEMO_CONTENT_FILE,
    dataDir: join(dir.path, 'kiosk'),
  });
  const core: KioskCore = createKioskCore(config);
  cleanups.push(() => core.close());
  const rows = async () => await central!.db.selectFrom('submissions').select(['id', 'seq']).orderBy('seq').execute();
  return {
    core,
    rows,
    centralData,
    stopCentral: async () => {
      await central?.close();
      central = undefined;
    },
    startCentral: async (options?: { minProtocolVersion?: number }) => {
      central = await start(options);
    },
    central: () => central!,
  };
}

describe('sync client', () => {
  it('enrols, pushes pending rows and marks them done from receipts', async () => {
    const { core, rows } = await setup();
    const saved = [1, 2, 3].map((score) => core.enqueue({ payload: rating(score), sessionId: null, contentVersion: 1 }));
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ state: 'idle', pending: 0, acked: 3, lastError: null });
    expect((await rows()).map((row) => row.id)).toEqual(saved.map((s) => s.id));
  });

  it('sends what was saved during a round in another round right after it, not at the next interval', async () => {
    // An hour between rounds: only the nudge can bring the second round.
    const { core, rows } = await setup({}, 3_600_000);
    await core.sync.syncNow(); // enrolled
    const rounds: string[] = [];
    core.subscribe((event) => {
      if (event.name === 'sync.status' && event.payload.state === 'syncing') rounds.push(event.payload.state);
    });
    core.sync.start(); // a round begins
    // Saved while the round runs (the kiosk's screens save at any moment): the round may already be past its push.
    const saved = core.enqueue({ payload: rating(4), sessionId: null, contentVersion: 1 });
    core.sync.nudge();
    await expect.poll(() => rounds.length, { timeout: 5_000 }).toBe(2);
    await expect.poll(async () => (await rows()).map((row) => row.id), { timeout: 5_000 }).toEqual([saved.id]);
  });

  it('keeps everything pending while Central is down and delivers it once when Central is back', async () => {
    const { core, rows, stopCentral, startCentral } = await setup();
    await core.sync.syncNow(); // enrolled while Central is up
    await stopCentral();
    const saved = core.enqueue({ payload: rating(2), sessionId: null, contentVersion: 1 });
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ state: 'offline', pending: 1, acked: 0 });
    expect(core.sync.status().lastError).toMatch(/unreachable/);

    await startCentral();
    await core.sync.syncNow();
    await core.sync.syncNow(); // a second round must not send it again
    expect(core.sync.status()).toMatchObject({ state: 'idle', pending: 0, acked: 1 });
    expect(await rows()).toEqual([{ id: saved.id, seq: 1 }]);
  });

  it('says so when no enrolment token is configured, and sends nothing', async () => {
    const dir = makeTempDir('sync-unenrolled');
    cleanups.push(dir.remove);
    const core = createKioskCore(
      KioskConfig.parse({
        kioskId: 'k',
        branchId: 'b',
        desk: { id: 'd', services: ['civil-registry'] },
        central: { url: `http://127.0.0.1:${await freePort()}` },
        starterContent: DEMO_CONTENT_FILE,
        dataDir: dir.path,
      }),
    );
    cleanups.push(() => core.close());
    core.enqueue({ payload: rating(4), sessionId: null, contentVersion: 1 });
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ state: 'not-enrolled', pending: 1 });
  });

  it('turns an item Central refuses into a dead letter without blocking the others; it can be exported and retried', async () => {
    const { core, rows } = await setup();
    const before = core.enqueue({ payload: rating(1), sessionId: null, contentVersion: 1 });
    const poison = core.enqueue({ payload: rating(2), sessionId: null, contentVersion: 1 });
    const after = core.enqueue({ payload: rating(3), sessionId: null, contentVersion: 1 });
    // Corrupt one stored payload so Central's schema refuses it (400) while the kiosk still sends it.
    core.db.prepare('UPDATE submissions SET payload_json = ? WHERE id = ?').run('{"type":"rating","score":99}', poison.id);
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ state: 'idle', pending: 0, acked: 2, dead: 1 });
    expect((await rows()).map((row) => row.id)).toEqual([before.id, after.id]);
    const [dead] = core.deadLetters.list();
    expect(dead).toMatchObject({ id: poison.id, status: 'rejected' });
    expect(dead?.reason).toMatch(/400/);
    expect(core.deadLetters.export().map((envelope) => envelope.id)).toEqual([poison.id]);
    expect(core.deadLetters.retry(poison.id)).toBe(true);
    expect(core.sync.status()).toMatchObject({ pending: 1, dead: 0 });
  });

  it('retries at once when an unreachable Central answers its health probe again', async () => {
    const { core, rows, stopCentral, startCentral } = await setup();
    await core.sync.syncNow();
    await stopCentral();
    core.sync.start();
    core.enqueue({ payload: rating(5), sessionId: null, contentVersion: 1 });
    await core.sync.syncNow();
    expect(core.sync.status().state).toBe('offline');
    await startCentral();
    // No explicit sync here: the probe (every 100 ms in this config) must notice and push.
    await expect.poll(async () => (await rows()).length, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => core.sync.status().pending, { timeout: 5_000 }).toBe(0);
  });

  it('keeps its queue and says plainly that it needs an update when Central requires a newer protocol', async () => {
    const { core, stopCentral, startCentral } = await setup();
    await core.sync.syncNow();
    await stopCentral();
    await startCentral({ minProtocolVersion: 2 });
    core.enqueue({ payload: rating(4), sessionId: null, contentVersion: 1 });
    // The first round may meet a keep-alive socket of the Central that just stopped: an ordinary network failure.
    await expect
      .poll(async () => {
        await core.sync.syncNow();
        return core.sync.status().state;
      })
      .toBe('update-required');
    const status = core.sync.status();
    expect(status).toMatchObject({ state: 'update-required', pending: 1, dead: 0 });
    expect(status.lastError).toMatch(/Update the kiosk software/);
  });

  it('after revocation says it needs re-enrolment, keeps its queue, and delivers it after re-enrolling', async () => {
    const { core, rows, central } = await setup();
    await core.sync.syncNow();
    const deviceId = readDeviceIdentity(core.config.dataDir)?.deviceId ?? '';
    await revokeDevice(central().db, deviceId);
    const saved = core.enqueue({ payload: rating(3), sessionId: null, contentVersion: 1 });
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ state: 'needs-enrolment', pending: 1 });
    const { token } = await createEnrolmentToken(central().db, 'tbilisi-central', 1);
    const { status, refusal } = await core.sync.reenrol(token);
    expect(refusal).toBeNull();
    expect(status).toMatchObject({ state: 'idle', pending: 0 });
    expect((await rows()).map((row) => row.id)).toEqual([saved.id]);
  });

  it('reports a heartbeat after each round; Central keeps the latest and flags silent kiosks', async () => {
    const { core, central } = await setup();
    core.enqueue({ payload: rating(4), sessionId: null, contentVersion: 1 });
    await core.sync.syncNow();
    const deviceId = readDeviceIdentity(core.config.dataDir)?.deviceId ?? '';
    const beat = await central().db.selectFrom('device_heartbeats').selectAll().where('device_id', '=', deviceId).executeTakeFirstOrThrow();
    expect(beat).toMatchObject({ version: '0.1.0', queue_depth: 0, dead_letters: 0 });
    expect(beat.free_disk_bytes).toBeGreaterThan(0);
    expect(beat.desk_id).toBe('desk-7');
    // Central knows no desks of this branch yet: the kiosk's desk is flagged, until an admin adds it.
    const [fresh] = await fleetStatus(central().db, 60_000);
    expect(fresh).toMatchObject({ deviceId, kioskId: 'sync-kiosk', silent: false, deskId: 'desk-7', deskUnknown: true });
    await seedDemoDesks(central().db, ['civil-registry']);
    const [late] = await fleetStatus(central().db, 60_000, Date.now() + 120_000);
    expect(late).toMatchObject({ silent: true, deskUnknown: false });
  });

  it('re-sends what Central lost (restored from an older backup), found by reconciliation', async () => {
    const { core, rows, central, centralData, stopCentral, startCentral } = await setup();
    const saved = [1, 2].map((score) => core.enqueue({ payload: rating(score), sessionId: null, contentVersion: 1 }));
    await core.sync.syncNow();
    // A real, consistent backup of Central's db, holding the first two.
    const backup = join(centralData, 'backup');
    await backUpCentral(centralData, backup, central().db);
    saved.push(...[3, 4].map((score) => core.enqueue({ payload: rating(score), sessionId: null, contentVersion: 1 })));
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ pending: 0, acked: 4 });
    // Central's disk is lost; the backup is restored.
    await stopCentral();
    await restoreCentral(centralData, backup);
    await startCentral();
    expect(await rows()).toHaveLength(2);
    // The first call may join a round that began while Central was down: bounded retries.
    for (let round = 0; round < 5 && (await rows()).length < 4; round += 1) await core.sync.syncNow();
    expect((await rows()).map((row) => row.id)).toEqual(saved.map((s) => s.id));
    expect(core.sync.status()).toMatchObject({ pending: 0, acked: 4 });
  });

  it('reports a quarantined database to Central as an alert, still under its own identity', async () => {
    const { core, central } = await setup();
    await core.sync.syncNow();
    await core.close();
    const dbFile = join(core.config.dataDir, 'kiosk.sqlite');
    writeFileSync(dbFile, Buffer.alloc(8192, 0x42));
    const reopened = createKioskCore(core.config);
    cleanups.push(() => reopened.close());
    await reopened.sync.syncNow();
    const deviceId = readDeviceIdentity(core.config.dataDir)?.deviceId ?? '';
    const alerts = await central().db.selectFrom('device_alerts').selectAll().where('device_id', '=', deviceId).execute();
    expect(alerts.map((alert) => alert.kind)).toEqual(['database-quarantined']);
    expect(reopened.db.prepare('SELECT count(*) FROM alerts WHERE sent_at IS NULL').pluck().get()).toBe(0);
  });
});
