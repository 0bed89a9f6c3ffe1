import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskCore } from '../../src-main/core/kioskCore.js';
import { freePort } from '../support/freePort.js';
import { DEMO_TOKEN, startCentralProcess, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';

// Central as a real process that dies (SIGKILL, by its fault-injection switch) right
// after committing a batch and before answering; then a normal Central on the same data.
const dir = makeTempDir('central-crash');
const processes: RunningProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  dir.remove();
});

describe('Central killed after commit, before reply', () => {
  it('the retry gets duplicate receipts and Central keeps one row per item', async () => {
    const centralData = join(dir.path, 'central');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const core = createKioskCore(
      KioskConfig.parse({
        kioskId: 'k',
        branchId: 'b',
        desk: { id: 'd', services: ['civil-registry'] },
        central: { url, enrolmentToken: DEMO_TOKEN },
        starterContent: DEMO_CONTENT_FILE,
        dataDir: join(dir.path, 'kiosk'),
      }),
    );
    const dying = await startCentralProcess(centralData, port, { PSH_FAULT_KILL_AFTER_COMMIT: '1' });
    processes.push(dying);
    const saved = [1, 2, 3].map((score) =>
      core.enqueue({
        payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'd', score, language: 'ka' },
        sessionId: null,
        contentVersion: 1,
      }),
    );
    await core.sync.syncNow();
    await new Promise<void>((resolve) =>
      dying.child.exitCode !== null || dying.child.signalCode !== null ? resolve() : dying.child.once('exit', () => resolve()),
    );
    expect(dying.child.signalCode).toBe('SIGKILL');
    expect(core.sync.status()).toMatchObject({ state: 'offline', pending: 3 });
    const committed = new BetterSqlite3(join(centralData, 'central.sqlite'), { readonly: true });
    expect(committed.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(3);
    committed.close();

    const healthy = await startCentralProcess(centralData, port);
    processes.push(healthy);
    await expect
      .poll(async () => {
        await core.sync.syncNow();
        return core.sync.status().pending;
      })
      .toBe(0);
    const receipts = core.db.prepare('SELECT receipt_status FROM outbox ORDER BY submission_id').pluck().all();
    expect(receipts).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const rows = new BetterSqlite3(join(centralData, 'central.sqlite'), { readonly: true });
    expect(rows.prepare('SELECT id FROM submissions ORDER BY seq').pluck().all()).toEqual(saved.map((s) => s.id));
    rows.close();
    await core.close();
  });
});

describe('Central meeting an error nothing caught', () => {
  it('logs it, exits with status 1 for its supervisor, and a restart on the same data is ready again', async () => {
    const centralData = join(dir.path, 'central-uncaught');
    const port = await freePort();
    const planted = join(import.meta.dirname, '..', 'fixtures', 'planted', 'uncaughtOnSignal.mjs');
    const failing = await startCentralProcess(centralData, port, { NODE_OPTIONS: `--import=${planted}` });
    processes.push(failing);
    const before = await fetch(`${failing.url}/figures`);
    expect(before.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => failing.child.once('exit', (code) => resolve(code)));
    failing.child.kill('SIGUSR2');
    expect(await exited).toBe(1);
    expect(failing.output()).toContain('Central: uncaught error, exiting for the supervisor to restart: Error: planted uncaught error');
    // What a supervisor does next: the same command, the same data.
    const restarted = await startCentralProcess(centralData, port);
    processes.push(restarted);
    expect((await fetch(`${restarted.url}/api/ready`)).status).toBe(200);
  });
});
