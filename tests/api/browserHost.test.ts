import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { request as httpRequest } from 'node:http';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { startBrowserHost, type RunningBrowserHost } from '../../src-main/browser-host/browserHost.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { freePort } from '../support/freePort.js';
import { makeTempDir } from '../support/tempDir.js';

// The kiosk API contract over the browser host's HTTP, on a real core with a temp SQLite file.
const dir = makeTempDir('browser-host');
let core: KioskCore;
let host: RunningBrowserHost;
beforeAll(async () => {
  core = createKioskCore(
    KioskConfig.parse({
      kioskId: 'host-test',
      branchId: 'b',
      desk: { id: 'desk-1', services: ['civil-registry'] },
      central: { url: `http://127.0.0.1:${await freePort()}` },
      starterContent: DEMO_CONTENT_FILE,
      dataDir: dir.path,
    }),
  );
  host = await startBrowserHost({ core });
});
afterAll(async () => {
  await host.close();
  await core.close();
  dir.remove();
});

const invoke = (name: string, args?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ args }),
  });

describe('browser host', () => {
  it('runs a session and a rating through the contract, saved in the kiosk db', async () => {
    const started = (await (await invoke('session.start', { language: 'hy' })).json()) as {
      ok: true;
      value: { sessionId: string; content: { version: number } };
    };
    expect(started.ok).toBe(true);
    expect(started.value.content.version).toBe(1);
    const response = await invoke('rating.submit', {
      sessionId: started.value.sessionId,
      serviceId: 'civil-registry',
      score: 3,
      comment: '  Լավ  ',
    });
    const saved = (await response.json()) as { ok: true; value: { id: string; seq: number } };
    expect(saved.ok).toBe(true);
    const row = core.db
      .prepare<[string], { payload_json: string }>('SELECT payload_json FROM submissions WHERE id = ?')
      .get(saved.value.id);
    expect(JSON.parse(row?.payload_json ?? '{}')).toMatchObject({ score: 3, comment: 'Լավ', language: 'hy', deskId: 'desk-1' });
  });

  it('answers a bad argument with 400 naming the field, and an unknown call with 404', async () => {
    const started = (await (await invoke('session.start', { language: 'ka' })).json()) as { value: { sessionId: string } };
    const bad = await invoke('rating.submit', { sessionId: started.value.sessionId, serviceId: 'civil-registry', score: 6 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'score' } });
    const unknownService = await invoke('rating.submit', { sessionId: started.value.sessionId, serviceId: 'nope', score: 2 });
    expect(await unknownService.json()).toMatchObject({ ok: false, error: { field: 'serviceId' } });
    expect((await invoke('admin.dropEverything')).status).toBe(404);
  });

  it('refuses a rating for a session that has ended', async () => {
    const started = (await (await invoke('session.start', { language: 'ka' })).json()) as { value: { sessionId: string } };
    await invoke('session.end', { sessionId: started.value.sessionId, reason: 'idle' });
    const late = await invoke('rating.submit', { sessionId: started.value.sessionId, serviceId: 'civil-registry', score: 2 });
    expect(late.status).toBe(404);
  });

  it('answers a body that is not JSON with 400, and pushes sync status over the event socket', async () => {
    const response = await fetch(`${host.url}/api/invoke/app.info`, { method: 'POST', body: '{"args":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { field: '(body)' } });
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/api/events`, { origin: host.url });
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data: Buffer) => resolve(data.toString('utf8')));
      socket.once('error', reject);
    });
    socket.close();
    expect(JSON.parse(first)).toMatchObject({ type: 'event', name: 'sync.status', payload: { pending: expect.any(Number) as number } });
  });

  it('never says "saved" when the disk refuses the write: 503 storage, nothing kept', async () => {
    const started = (await (await invoke('session.start', { language: 'ka' })).json()) as { value: { sessionId: string } };
    const before = core.db.prepare('SELECT count(*) FROM submissions').pluck().get();
    // The trigger stands in for a full disk (SQLite reports a failed write the same way to us).
    core.db.exec(`CREATE TRIGGER full_disk BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    try {
      const response = await invoke('rating.submit', { sessionId: started.value.sessionId, serviceId: 'civil-registry', score: 4 });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'storage' } });
      expect(core.db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(before);
    } finally {
      core.db.exec('DROP TRIGGER full_disk');
    }
  });

  it('refuses calls from another origin (a page that is not the kiosk), and takes localhost as itself', async () => {
    const response = await invoke('app.info', undefined, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    const port = new URL(host.url).port;
    const viaLocalhost = await fetch(`http://localhost:${port}/api/invoke/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: '{}',
    });
    expect(viaLocalhost.status).toBe(200);
    // A DNS-rebinding page reaches 127.0.0.1 with its own name in Host (fetch will not forge Host; node:http will).
    const rebindingStatus = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/invoke/app.info',
          headers: { host: `evil.example:${port}`, 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.once('error', reject);
      request.end('{}');
    });
    expect(rebindingStatus).toBe(403);
  });
});
