import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, powerSaveBlocker, protocol } from 'electron';
import { loadConfig } from '../../kiosk-config/loadConfig.js';
import { createDispatcher } from '../api/dispatch.js';
import { createKioskHandlers } from '../api/handlers.js';
import { mediaOf } from '../api/media.js';
import { createKioskCore } from '../core/kioskCore.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  appFileHeaders,
  checkHostPaths,
  isAppUrl,
  resolveAppRequest,
  resolveHostPaths,
  windowOptions,
} from './hostWiring.js';
import { lockDown } from './lockdown.js';

// The thin Electron host: window, lockdown, IPC. Every decision is a plain
// function in hostWiring.ts (tested in Node); the rest is the kiosk core.

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// The kiosk speaks on its own (audio mode, the attract hint): no autoplay gesture rule.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

function serveAppProtocol(core: ReturnType<typeof createKioskCore>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if (target.kind === 'file') {
      const file = await net.fetch(pathToFileURL(target.path).toString());
      const headers = new Headers(file.headers);
      for (const [name, value] of Object.entries(appFileHeaders(target.path))) headers.set(name, value);
      return new Response(file.body, { status: file.status, headers });
    }
    const media = target.kind === 'media' ? mediaOf(core, target.audioPath) : undefined;
    if (!media) return new Response('Not found', { status: 404 });
    if (media.kind === 'file') return net.fetch(pathToFileURL(media.path).toString(), { headers: { 'cache-control': media.cacheControl } });
    // Private speech: bytes from memory, never a file, never cached.
    return new Response(new Uint8Array(media.bytes), { headers: { 'content-type': 'audio/wav', 'cache-control': media.cacheControl } });
  });
}

async function start(): Promise<void> {
  // A packaged kiosk is production: loadConfig then refuses the test-only speech transcript.
  if (app.isPackaged) process.env.NODE_ENV = 'production';
  const paths = resolveHostPaths({ from: import.meta.dirname, env: process.env, isPackaged: app.isPackaged });
  checkHostPaths(paths);
  const config = loadConfig(paths.config);
  // npm start builds better-sqlite3 for Electron's ABI beside Node's (scripts/lib/electronSqlite.ts) and names it here.
  const core = createKioskCore(config, { sqliteBinding: process.env.PSH_SQLITE_BINDING, configFile: paths.config });
  const dispatch = createDispatcher(createKioskHandlers(core));
  await app.whenReady();
  serveAppProtocol(core, paths.rendererDir);

  ipcMain.handle('kiosk:invoke', (event, name: unknown, args: unknown) => {
    // Only our own page may call the core.
    if (!isAppUrl(event.senderFrame?.url) || typeof name !== 'string') {
      return { ok: false, error: { code: 'bad-request', message: 'Forbidden sender' } };
    }
    return dispatch(name, args);
  });

  const window = new BrowserWindow(windowOptions(paths, app.isPackaged));
  lockDown(window, (kind, detail) => core.raiseAlert(kind, detail));
  core.subscribe((event) => window.webContents.send(`kiosk:event:${event.name}`, event.payload));
  powerSaveBlocker.start('prevent-display-sleep');
  core.sync.start();
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

// One kiosk per machine: a second instance must not even open the database,
// or its start-up sweep would delete the running kiosk's unsent recordings.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error('Kiosk failed to start:', error instanceof Error ? error.message : error);
    app.exit(1);
  });
} else {
  app.quit();
}
