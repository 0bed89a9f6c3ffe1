import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { startBrowserHost } from '../../src-main/browser-host/browserHost.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { freePort } from '../support/freePort.js';
import { makeTempDir } from '../support/tempDir.js';

// The host listens before the core is open (cli.ts): the page's files are
// served at once, and the page's calls wait for the core instead of failing.
const dir = makeTempDir('browser-host-startup');
afterAll(() => dir.remove());
const rendererDir = join(dir.path, 'renderer');

const openCore = async (): Promise<KioskCore> =>
  createKioskCore(
    KioskConfig.parse({
      kioskId: 'startup-test',
      branchId: 'b',
      desk: { id: 'desk-1', services: ['civil-registry'] },
      central: { url: `http://127.0.0.1:${await freePort()}` },
      starterContent: DEMO_CONTENT_FILE,
      dataDir: join(dir.path, 'data'),
    }),
  );

const invoke = (url: string, name: string) =>
  fetch(`${url}/api/invoke/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

describe('browser host start-up', () => {
  it('serves the page while the core opens, and answers the calls made meanwhile once it is open', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'export {};');
    let open!: (core: KioskCore) => void;
    const host = await startBrowserHost({ core: new Promise<KioskCore>((resolve) => (open = resolve)), rendererDir });
    let core: KioskCore | undefined;
    try {
      const page = await fetch(`${host.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>kiosk</title>');
      // The page is asked again every time; its hashed assets never are.
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect((await fetch(`${host.url}/assets/index-abc123.js`)).headers.get('cache-control')).toContain('immutable');

      let answered = false;
      const info = invoke(host.url, 'app.info').then((response) => {
        answered = true;
        return response;
      });
      const events = new WebSocket(`${host.url.replace('http', 'ws')}/api/events`, { origin: host.url });
      const firstEvent = new Promise<string>((resolve) => events.once('message', (data: Buffer) => resolve(data.toString())));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);

      core = await openCore();
      open(core);
      const response = await info;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { ok: boolean; value: { kioskId: string } }).value.kioskId).toBe('startup-test');
      expect(JSON.parse(await firstEvent)).toMatchObject({ type: 'event', name: 'sync.status' });
      events.close();
    } finally {
      await host.close();
      await core?.close();
    }
  });

  it('answers 503 when the core cannot open, and still closes cleanly', async () => {
    const host = await startBrowserHost({ core: Promise.reject(new Error('disk gone')) });
    try {
      const response = await invoke(host.url, 'app.info');
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('storage');
    } finally {
      await host.close();
    }
  });
});
