import type { BrowserWindow } from 'electron';
import { allowNavigation, allowPermission, crashReloadDelayMs, isBlockedKey } from './hostWiring.js';

/** Applies the Electron checklist's window rules: no navigation, no new windows, no permissions, no escape keys. */
export function lockDown(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input)) event.preventDefault();
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(allowPermission()));
  contents.session.setPermissionCheckHandler(() => allowPermission());
  let crashes = 0;
  contents.on('render-process-gone', () => {
    crashes += 1;
    setTimeout(() => contents.reload(), crashReloadDelayMs(crashes));
  });
}
