import type { BrowserWindow } from 'electron';
import { allowNavigation, allowPermission, crashReloadDelayMs, HANG_RELOAD_MS, isBlockedKey } from './hostWiring.js';

/** What the host records when the page crashes or hangs (an alert the heartbeat takes to Central's fleet page). */
export type RendererTrouble = (kind: 'renderer-gone' | 'renderer-hung', detail: Record<string, unknown>) => void;

/**
 * Applies the Electron checklist's window rules: no navigation, no new
 * windows, only the microphone and only for our own pages, no escape keys; a
 * crashed or hung page is recorded and reloaded.
 */
export function lockDown(window: BrowserWindow, onTrouble: RendererTrouble): void {
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
  contents.session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      allowPermission({
        permission,
        requestingUrl: details.requestingUrl,
        mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
      }),
    ),
  );
  contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermission({ permission, requestingUrl: requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : undefined }),
  );
  let crashes = 0;
  contents.on('render-process-gone', (_event, details) => {
    crashes += 1;
    onTrouble('renderer-gone', { reason: details.reason, exitCode: details.exitCode, crashes });
    setTimeout(() => contents.reload(), crashReloadDelayMs(crashes));
  });
  // A page that stops answering (an endless loop, a stuck GPU process) is reloaded unless it recovers first.
  let hang: ReturnType<typeof setTimeout> | undefined;
  contents.on('unresponsive', () => {
    hang ??= setTimeout(() => {
      hang = undefined;
      onTrouble('renderer-hung', { afterMs: HANG_RELOAD_MS });
      contents.forcefullyCrashRenderer();
      contents.reload();
    }, HANG_RELOAD_MS);
  });
  contents.on('responsive', () => {
    clearTimeout(hang);
    hang = undefined;
  });
}
