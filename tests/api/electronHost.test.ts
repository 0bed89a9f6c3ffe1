import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as HostWiring from '../../src-main/electron/hostWiring.js';
import { writeKioskConfig } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';

// The Electron host as built (dist/electron), checked in Node: its wiring is
// plain functions, and main.js itself runs against a stand-in 'electron'
// module (tests/support/fakeElectron) because Electron's binary cannot be
// downloaded here. The kiosk core, SQLite and the renderer files are real.
const ROOT = join(import.meta.dirname, '..', '..');
const BUILT = join(ROOT, 'dist', 'electron', 'src-main', 'electron');
type Wiring = typeof HostWiring;
let wiring: Wiring;

beforeAll(async () => {
  if (!existsSync(join(BUILT, 'main.js'))) throw new Error('dist/electron is not built: run `npm run build:electron` (npm test does)');
  wiring = (await import(join(BUILT, 'hostWiring.js'))) as Wiring;
});

const temp: Array<{ remove: () => void }> = [];
afterEach(() => temp.splice(0).forEach((dir) => dir.remove()));

interface Probe {
  status: number;
  csp?: string | null;
  type: string | null;
  cache: string | null;
  bytes: number;
}
interface Report {
  quit: boolean;
  permissions?: Record<string, boolean>;
  reloads?: number;
  exitCode: number | null;
  windowOptions: { webPreferences: Record<string, unknown> } | null;
  loadedUrl: string | null;
  schemes: Array<{ scheme: string }>;
  powerSave: string[];
  probes: Record<string, Probe | { ok: boolean; value?: { kioskId?: string }; error?: { message: string } }>;
}

/** Runs the built main.js in Node with the stand-in electron module; answers its report and the data folder. */
function runMain(env: NodeJS.ProcessEnv): { report: Report; dataDir: string; output: string } {
  const dir = makeTempDir('electron-host');
  temp.push(dir);
  const config = writeKioskConfig(dir.path, 'http://127.0.0.1:9'); // no Central: start-up must not need one
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/support/fakeElectron/register.mjs'), join(BUILT, 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, PSH_KIOSK_CONFIG: config, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  const line = /FAKE_ELECTRON_REPORT (.+)/.exec(run.stdout)?.[1];
  if (!line) throw new Error(`main.js printed no report (exit ${String(run.status)}):\n${output}`);
  return { report: JSON.parse(line) as Report, dataDir: join(dir.path, 'kiosk-data'), output };
}

describe('Electron host wiring (built tree)', () => {
  it('resolves every path it needs to a file that exists in the build', () => {
    const paths = wiring.resolveHostPaths({ from: BUILT, env: {}, isPackaged: false });
    expect(paths.root).toBe(ROOT);
    for (const key of ['rendererIndex', 'preload', 'migrationsDir', 'config'] as const)
      expect(existsSync(paths[key]), `${key}: ${paths[key]}`).toBe(true);
    expect(() => wiring.checkHostPaths(paths)).not.toThrow();
  });

  it('names each missing file instead of opening a blank window', () => {
    const paths = wiring.resolveHostPaths({ from: BUILT, env: {}, isPackaged: false });
    expect(() => wiring.checkHostPaths({ ...paths, preload: '/nowhere/preload.cjs' })).toThrow(/preload: \/nowhere\/preload\.cjs/);
  });

  it('refuses to run a packaged kiosk without its device config', () => {
    expect(() => wiring.resolveHostPaths({ from: BUILT, env: {}, isPackaged: true })).toThrow(/PSH_KIOSK_CONFIG/);
  });

  it('opens the window sandboxed, isolated and without Node; devtools only outside a package', () => {
    const paths = wiring.resolveHostPaths({ from: BUILT, env: {}, isPackaged: false });
    const packaged = wiring.windowOptions(paths, true).webPreferences ?? {};
    expect(packaged).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(wiring.windowOptions(paths, false).webPreferences?.devTools).toBe(true);
  });

  it('serves only the renderer folder and the API audio over app://', () => {
    const rendererDir = join(ROOT, 'dist', 'renderer');
    expect(wiring.resolveAppRequest('app://kiosk/', rendererDir)).toEqual({ kind: 'file', path: join(rendererDir, 'index.html') });
    expect(wiring.resolveAppRequest('app://kiosk/api/media/speech/abc.wav', rendererDir)).toEqual({
      kind: 'media',
      audioPath: 'speech/abc.wav',
    });
    for (const url of [
      'app://kiosk/../package.json',
      'app://kiosk/%2e%2e/package.json',
      'app://kiosk/..%2fpackage.json',
      'app://other/index.html',
    ]) {
      expect(wiring.resolveAppRequest(url, rendererDir), url).toEqual({ kind: 'not-found' });
    }
  });

  it('trusts only its own origin for IPC and navigation, and grants it the microphone only', () => {
    expect(wiring.isAppUrl('app://kiosk/index.html')).toBe(true);
    for (const url of ['app://kiosk.evil/', 'app://kiosk@evil/', 'app://user@kiosk/', 'https://kiosk/', 'file:///etc/passwd', undefined]) {
      expect(wiring.isAppUrl(url), String(url)).toBe(false);
      expect(wiring.allowNavigation(url ?? '')).toBe(false);
    }
    const own = 'app://kiosk/index.html';
    expect(wiring.allowPermission({ permission: 'media', requestingUrl: own, mediaTypes: ['audio'] })).toBe(true);
    for (const ask of [
      { permission: 'media', requestingUrl: own, mediaTypes: ['audio', 'video'] },
      { permission: 'media', requestingUrl: own, mediaTypes: ['video'] },
      { permission: 'media', requestingUrl: own, mediaTypes: [] },
      { permission: 'media', requestingUrl: 'https://example.org/', mediaTypes: ['audio'] },
      { permission: 'media', requestingUrl: 'app://kiosk.evil/', mediaTypes: ['audio'] },
      { permission: 'notifications', requestingUrl: own },
      { permission: 'geolocation', requestingUrl: own },
      { permission: 'display-capture', requestingUrl: own },
    ]) {
      expect(wiring.allowPermission(ask), JSON.stringify(ask)).toBe(false);
    }
  });

  it('serves app:// pages with the CSP of index.html’s own meta tag, plus no framing', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync(join(ROOT, 'src-renderer', 'index.html'), 'utf8'),
    )?.[1];
    const directives = (policy: string) =>
      new Set(
        policy
          .split(';')
          .map((directive) => directive.trim())
          .filter(Boolean),
      );
    expect(meta).toBeDefined();
    expect(directives(wiring.APP_CSP)).toEqual(new Set([...directives(meta ?? ''), "frame-ancestors 'none'"]));
    expect(wiring.appFileHeaders('/x/index.html')['content-security-policy']).toBe(wiring.APP_CSP);
    expect(wiring.appFileHeaders('/x/assets/index.js')['content-security-policy']).toBeUndefined();
  });

  it('swallows reload, devtools, zoom and close keys, but not typing', () => {
    const key = (k: string, control = false) => wiring.isBlockedKey({ key: k, control, meta: false, alt: false });
    expect([key('F5'), key('F12'), key('r', true), key('w', true), key('+', true)]).toEqual([true, true, true, true, true]);
    expect([key('r'), key('ა'), key('Enter'), key('F1')]).toEqual([false, false, false, false]);
  });
});

describe('Electron main.js (built, with a stand-in electron module)', () => {
  it('starts the kiosk core, serves the renderer and answers IPC from its own page only', () => {
    const { report, dataDir, output } = runMain({});
    expect(report.exitCode, output).toBeNull();
    expect(report.loadedUrl).toBe('app://kiosk/index.html');
    expect(report.schemes.map((s) => s.scheme)).toEqual(['app']);
    expect(report.windowOptions?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(existsSync(String(report.windowOptions?.webPreferences.preload))).toBe(true);
    expect(report.powerSave).toEqual(['prevent-display-sleep']);
    expect(existsSync(join(dataDir, 'kiosk.sqlite'))).toBe(true);
    expect(report.probes.index).toMatchObject({ status: 200 });
    expect((report.probes.index as Probe).bytes).toBeGreaterThan(100);
    expect(report.probes.root).toMatchObject({ status: 200 });
    expect(report.probes.traversal).toMatchObject({ status: 404 });
    expect(report.probes.encodedTraversal).toMatchObject({ status: 404 });
    expect(report.probes.unknownMedia).toMatchObject({ status: 404 });
    expect(report.probes.appInfo).toMatchObject({ ok: true, value: { kioskId: 'e2e-kiosk-01' } });
    expect(report.probes.foreignSender).toMatchObject({ ok: false, error: { message: 'Forbidden sender' } });
    expect(report.probes.lookalikeSender).toMatchObject({ ok: false, error: { message: 'Forbidden sender' } });
    // Private speech is served from memory and never cached.
    expect(report.probes.privateSpeech).toMatchObject({ status: 200, type: 'audio/wav', cache: 'no-store' });
    expect((report.probes.index as Probe).csp).toContain("frame-ancestors 'none'");
    // The session's permission handler, asked as Chromium asks it.
    expect(report.permissions).toEqual({ microphone: true, camera: false, foreignMicrophone: false, notifications: false });
    // The page crashed once (the stand-in says so): recorded for the heartbeat, and reloaded.
    expect(report.reloads).toBe(1);
    const db = new BetterSqlite3(join(dataDir, 'kiosk.sqlite'), { readonly: true });
    const alerts = db.prepare("SELECT kind, detail_json FROM alerts WHERE kind LIKE 'renderer-%'").all() as {
      kind: string;
      detail_json: string;
    }[];
    db.close();
    expect(alerts).toEqual([{ kind: 'renderer-gone', detail_json: JSON.stringify({ reason: 'crashed', exitCode: 139, crashes: 1 }) }]);
  });

  it('a second instance quits without opening the database or touching recordings', () => {
    const { report, dataDir, output } = runMain({ FAKE_ELECTRON_LOCK: 'taken' });
    expect(report.quit, output).toBe(true);
    expect(report.windowOptions).toBeNull();
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a packaged kiosk without PSH_KIOSK_CONFIG exits with the reason', () => {
    const { report, output } = runMain({ FAKE_ELECTRON_PACKAGED: '1', PSH_KIOSK_CONFIG: '' });
    expect(report.exitCode).toBe(1);
    expect(output).toMatch(/PSH_KIOSK_CONFIG is not set/);
  });
});
