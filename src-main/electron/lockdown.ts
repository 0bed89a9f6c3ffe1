import type { BrowserWindow, Input } from 'electron';

/** Keys a visitor must not use to reload, open devtools, zoom or close the kiosk. */
export function isBlockedKey(input: Input): boolean {
  const key = input.key.toLowerCase();
  const withModifier = input.control || input.meta || input.alt;
  if (['f5', 'f11', 'f12'].includes(key)) return true;
  if (withModifier && ['r', 'w', 'q', 'i', 'j', 'n', 't', '+', '-', '=', '0', 'f4'].includes(key)) return true;
  return false;
}

/** Applies the Electron checklist's window rules: no navigation, no new windows, no escape keys. */
export function lockDown(window: BrowserWindow, appOrigin: string): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(appOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input)) event.preventDefault();
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  let crashes = 0;
  contents.on('render-process-gone', () => {
    crashes += 1;
    // Reload with backoff so a crash loop does not spin the CPU.
    setTimeout(() => contents.reload(), Math.min(30_000, 500 * 2 ** crashes));
  });
}
