// Test-only stand-in for Electron's main-process API (see register.mjs). It
// records what the host asks of Electron, then, once the window loads, probes
// the host the way the renderer would (the app:// protocol and IPC) and
// prints one line `FAKE_ELECTRON_REPORT <json>` before exiting.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const report = { switches: [], schemes: [], quit: false, exitCode: null, windowOptions: null, loadedUrl: null, powerSave: [], probes: {} };
let protocolHandler;
let invokeHandler;
const finish = () => {
  process.stdout.write(`FAKE_ELECTRON_REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
};

export const app = {
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED === '1',
  commandLine: { appendSwitch: (name, value) => report.switches.push([name, value]) },
  requestSingleInstanceLock: () => process.env.FAKE_ELECTRON_LOCK !== 'taken',
  quit() {
    report.quit = true;
    setTimeout(finish, 200); // long enough for a wrongly started core to leave its traces
  },
  exit(code) {
    report.exitCode = code;
    finish();
  },
  whenReady: () => Promise.resolve(),
  on: () => undefined,
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.schemes.push(...schemes),
  handle: (scheme, handler) => {
    report.protocolScheme = scheme;
    protocolHandler = handler;
  },
};

export const ipcMain = {
  handle: (channel, handler) => {
    report.ipcChannel = channel;
    invokeHandler = handler;
  },
};

export const net = {
  // Electron's net.fetch reads file:// URLs; Node's fetch cannot, so this reads the file itself.
  fetch: async (url) => new Response(readFileSync(fileURLToPath(url))),
};

export const powerSaveBlocker = { start: (kind) => report.powerSave.push(kind) };

async function probe(url) {
  const response = await protocolHandler(new Request(url));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    cache: response.headers.get('cache-control'),
    csp: response.headers.get('content-security-policy'),
    bytes: (await response.arrayBuffer()).byteLength,
  };
}

const invokeFrom = (frameUrl, name, args) => invokeHandler({ senderFrame: { url: frameUrl } }, name, args);

export class BrowserWindow {
  constructor(options) {
    report.windowOptions = options;
    report.reloads = 0;
    this.events = {};
    this.webContents = {
      on: (name, handler) => (this.events[name] = handler),
      send: () => undefined,
      reload: () => (report.reloads += 1),
      forcefullyCrashRenderer: () => undefined,
      setWindowOpenHandler: () => undefined,
      session: {
        setPermissionRequestHandler: (handler) => (this.permissionHandler = handler),
        setPermissionCheckHandler: () => undefined,
      },
    };
  }

  async loadURL(url) {
    report.loadedUrl = url;
    report.probes.index = await probe('app://kiosk/index.html');
    report.probes.root = await probe('app://kiosk/');
    report.probes.traversal = await probe('app://kiosk/../../package.json');
    report.probes.encodedTraversal = await probe('app://kiosk/%2e%2e/%2e%2e/package.json');
    report.probes.unknownMedia = await probe('app://kiosk/api/media/speech/0123456789abcdef0123456789abcdef.wav');
    report.probes.appInfo = await invokeFrom('app://kiosk/index.html', 'app.info', undefined);
    report.probes.foreignSender = await invokeFrom('https://example.org/', 'app.info', undefined);
    report.probes.lookalikeSender = await invokeFrom('app://kiosk.example.org/', 'app.info', undefined);
    const session = await invokeFrom('app://kiosk/index.html', 'session.start', { language: 'en' });
    const clip = session.ok
      ? await invokeFrom('app://kiosk/index.html', 'speech.say', {
          text: 'Private phrase 555 12 34',
          language: 'en',
          rate: 175,
          private: true,
        })
      : session;
    report.probes.privateSpeech = clip.ok && clip.value ? await probe(`app://kiosk/api/media/${clip.value.audioPath}`) : clip;
    // Permission requests as Chromium makes them: (webContents, permission, callback, details).
    const ask = (permission, details) => new Promise((resolve) => this.permissionHandler({}, permission, resolve, details));
    report.permissions = {
      microphone: await ask('media', { requestingUrl: 'app://kiosk/index.html', mediaTypes: ['audio'] }),
      camera: await ask('media', { requestingUrl: 'app://kiosk/index.html', mediaTypes: ['video'] }),
      foreignMicrophone: await ask('media', { requestingUrl: 'https://example.org/', mediaTypes: ['audio'] }),
      notifications: await ask('notifications', { requestingUrl: 'app://kiosk/index.html' }),
    };
    // The renderer crashes once; the host records it and reloads after its delay (the first is short).
    this.events['render-process-gone']?.({}, { reason: 'crashed', exitCode: 139 });
    setTimeout(finish, 1500);
  }
}
