import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { startCentral, type RunningCentral } from '../../sync/server/startCentral.js';
import { freePort } from '../support/freePort.js';
import { makeTempDir } from '../support/tempDir.js';

// The kiosk core's sync client against a real Central on loopback, through a plain outage.
const TOKEN = 'sync-test-enrolment-token-000000';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const rating = (score: number) => ({ type: 'rating' as const, serviceId: 'civil-registry', deskId: 'desk-7', score, language: 'ka' as const });

async function setup() {
  const dir = makeTempDir('sync');
  cleanups.push(dir.remove);
  const port = await freePort();
  const centralData = join(dir.path, 'central');
  const start = () => startCentral({ dataDir: centralData, port, demoToken: { token: TOKEN, branchId: 'tbilisi-central' } });
  let central: RunningCentral | undefined = await start();
  cleanups.push(() => central?.close());
  const config = KioskConfig.parse({
    kioskId: 'sync-kiosk',
    branchId: 'tbilisi-central',
    desk: { id: 'desk-7', services: ['civil-registry'] },
    central: { url: `http://127.0.0.1:${port}`, enrolmentToken: TOKEN, backoffBaseMs: 50, backoffCapMs: 200 },
    dataDir: join(dir.path, 'kiosk'),
  });
  const core: KioskCore = createKioskCore(config);
  cleanups.push(() => core.close());
  const rows = async () => (await central!.db.selectFrom('submissions').select(['id', 'seq']).orderBy('seq').execute());
  return {
    core,
    rows,
    stopCentral: async () => {
      await central?.close();
      central = undefined;
    },
    startCentral: async () => {
      central = await start();
    },
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
        dataDir: dir.path,
      }),
    );
    cleanups.push(() => core.close());
    core.enqueue({ payload: rating(4), sessionId: null, contentVersion: 1 });
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ state: 'not-enrolled', pending: 1 });
  });
});
