import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { findPackageRoot } from '../../sync/node/packageRoot.js';

// The Electron host's decisions as plain functions (no 'electron' at run time):
// a Node test exercises them against the built tree, where Electron's binary
// cannot run. main.ts only hands Electron what these answer.

/** The app's own origin: pages, scripts and the API all come from here. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://kiosk`;

/** Every file the host needs, from the package root (the checkout, or the app.asar of a packaged kiosk). */
export interface HostPaths {
  readonly root: string;
  readonly rendererDir: string;
  readonly rendererIndex: string;
  readonly preload: string;
  readonly migrationsDir: string;
  /** The device config: PSH_KIOSK_CONFIG, else (development only) the demo config. */
  readonly config: string;
}

export class HostSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostSetupError';
  }
}

/**
 * Finds the host's files from where main.js runs (dist/electron/src-main/electron):
 * the package root is the nearest folder with package.json, as for every other
 * entry point, never a fixed number of `..`.
 */
export function resolveHostPaths(options: {
  readonly from: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isPackaged: boolean;
}): HostPaths {
  const root = findPackageRoot(options.from);
  if (!root) throw new HostSetupError(`No package.json above ${options.from}: is this a built kiosk?`);
  const rendererDir = join(root, 'dist', 'renderer');
  const configured = options.env.PSH_KIOSK_CONFIG;
  if (!configured && options.isPackaged) {
    // A packaged kiosk must not quietly run the demo against 127.0.0.1 with a data folder inside its archive.
    throw new HostSetupError('PSH_KIOSK_CONFIG is not set: a packaged kiosk needs its device config (see README, Configuration).');
  }
  return {
    root,
    rendererDir,
    rendererIndex: join(rendererDir, 'index.html'),
    preload: join(root, 'dist', 'electron', 'src-main', 'electron', 'preload.cjs'),
    migrationsDir: join(root, 'dist', 'electron', 'src-main', 'core', 'db', 'migrations'),
    config: configured ? resolve(configured) : join(root, 'kiosk-config', 'demo', 'demoKiosk.json'),
  };
}

/** Refuses to start with a file missing, naming each: a blank window says nothing to a technician. */
export function checkHostPaths(paths: HostPaths): void {
  const missing = (['rendererIndex', 'preload', 'migrationsDir', 'config'] as const).filter((key) => !existsSync(paths[key]));
  if (missing.length > 0) {
    const list = missing.map((key) => `${key}: ${paths[key]}`).join('; ');
    throw new HostSetupError(`The kiosk build is incomplete (${list}). Run \`npm run build\` first.`);
  }
}

/** The kiosk window: fullscreen kiosk mode, and the renderer without any Node access (RELIABILITY.md checklist). */
export function windowOptions(paths: HostPaths, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click would otherwise open a link in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

/** Whether a URL belongs to the app itself (by origin, so `app://kiosk.evil` or `app://kiosk@evil` do not pass). */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'kiosk' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** What an `app://kiosk/...` request is: the API's audio, a renderer file, or nothing we serve. */
export type AppRequest =
  | { readonly kind: 'media'; readonly audioPath: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'not-found' };

const MEDIA_PREFIX = '/api/media/';

export function resolveAppRequest(url: string, rendererDir: string): AppRequest {
  if (!isAppUrl(url)) return { kind: 'not-found' };
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { kind: 'not-found' };
  }
  if (path.startsWith(MEDIA_PREFIX)) return { kind: 'media', audioPath: path.slice(MEDIA_PREFIX.length) };
  const file = resolve(rendererDir, `.${path === '/' ? '/index.html' : path}`);
  // Only files inside the renderer folder: `..` and encoded separators cannot climb out.
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { kind: 'not-found' };
  return existsSync(file) ? { kind: 'file', path: file } : { kind: 'not-found' };
}

/**
 * The Content-Security-Policy every app:// page is served with, as a header:
 * the policy of index.html's meta tag (the browser host's pages carry that
 * one), plus what only a header can say (no framing). A test holds the two to
 * the same directives, so they cannot drift apart.
 */
export const APP_CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers an app:// file is served with: HTML gets the CSP; everything is the app's own, never sniffed. */
export function appFileHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff' };
  if (path.endsWith('.html')) headers['content-security-policy'] = APP_CSP;
  return headers;
}

/** A permission request as Electron describes it (the handler's `permission` and `details`). */
export interface PermissionAsk {
  readonly permission: string;
  readonly requestingUrl: string | undefined;
  /** For 'media': what is asked ('audio', 'video'). */
  readonly mediaTypes?: readonly string[] | undefined;
}

/**
 * One permission is granted, to one origin: the microphone ('media' with
 * audio only) to the app's own pages (the technician's device list and output
 * choice need it to name devices). Camera, screen, notifications, geolocation,
 * anything asked by another origin: refused.
 */
export function allowPermission(ask: PermissionAsk): boolean {
  if (!isAppUrl(ask.requestingUrl)) return false;
  if (ask.permission !== 'media') return false;
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

/** A renderer that stops answering for this long is reloaded (a hang must not leave a frozen kiosk for the day). */
export const HANG_RELOAD_MS = 15_000;

/** Navigation stays inside the app; a link to anywhere else does nothing. */
export const allowNavigation = (url: string): boolean => isAppUrl(url);

/** Keys a visitor must not use to reload, open devtools, zoom or close the kiosk. */
export function isBlockedKey(input: {
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
}): boolean {
  const key = input.key.toLowerCase();
  const withModifier = input.control || input.meta || input.alt;
  if (['f5', 'f11', 'f12'].includes(key)) return true;
  if (withModifier && ['r', 'w', 'q', 'i', 'j', 'n', 't', '+', '-', '=', '0', 'f4'].includes(key)) return true;
  return false;
}

/** Reload delay after the n-th renderer crash: doubling, capped, so a crash loop does not spin the CPU. */
export const crashReloadDelayMs = (crashes: number): number => Math.min(30_000, 500 * 2 ** crashes);
