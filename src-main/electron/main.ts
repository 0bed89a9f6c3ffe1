import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, net, powerSaveBlocker, protocol } from 'electron';
import { loadConfig } from '../../kiosk-config/loadConfig.js';
import { createDispatcher } from '../api/dispatch.js';
import { createKioskHandlers } from '../api/handlers.js';
import { mediaFileOf } from '../api/media.js';
import { createKioskCore } from '../core/kioskCore.js';
import { lockDown } from './lockdown.js';

// The thin Electron host: window, lockdown, IPC. Everything else is the kiosk core.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RENDERER_DIR = join(ROOT, 'dist/renderer');
const APP_ORIGIN = 'app://kiosk';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();
// The kiosk speaks on its own (audio mode, the attract hint): no autoplay gesture rule.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

async function start(): Promise<void> {
  // A packaged kiosk is production: loadConfig then refuses the test-only speech transcript.
  if (app.isPackaged) process.env.NODE_ENV = 'production';
  const config = loadConfig(process.env.PSH_KIOSK_CONFIG ?? join(ROOT, 'kiosk-config/demo/demoKiosk.json'));
  const core = createKioskCore(config);
  const dispatch = createDispatcher(createKioskHandlers(core));
  await app.whenReady();

  protocol.handle('app', (request) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/api/media/')) {
      const media = mediaFileOf(core, path.slice('/api/media/'.length));
      return media ? net.fetch(`file://${media}`) : new Response('Not found', { status: 404 });
    }
    const file = join(RENDERER_DIR, path === '/' ? 'index.html' : path);
    if (!file.startsWith(RENDERER_DIR)) return new Response('Not found', { status: 404 });
    return net.fetch(`file://${file}`);
  });

  ipcMain.handle('kiosk:invoke', (event, name: unknown, args: unknown) => {
    // Only our own page may call the core.
    if (!event.senderFrame?.url.startsWith(APP_ORIGIN) || typeof name !== 'string') {
      return { ok: false, error: { code: 'bad-request', message: 'Forbidden sender' } };
    }
    return dispatch(name, args);
  });

  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(ROOT, 'dist/electron/src-main/electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !app.isPackaged,
    },
  });
  lockDown(window, APP_ORIGIN);
  core.subscribe((event) => window.webContents.send(`kiosk:event:${event.name}`, event.payload));
  powerSaveBlocker.start('prevent-display-sleep');
  core.sync.start();
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

start().catch((error: unknown) => {
  console.error('Kiosk failed to start:', error instanceof Error ? error.message : error);
  app.exit(1);
});
