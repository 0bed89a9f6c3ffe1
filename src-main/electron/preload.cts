// Sandboxed preload (CommonJS, as Electron requires with sandbox on): exposes
// only the typed invoke/subscribe over IPC, never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('kioskBridge', {
  invoke: (name: string, args: unknown): Promise<unknown> => ipcRenderer.invoke('kiosk:invoke', name, args),
  subscribe: (name: string, listener: (payload: unknown) => void): (() => void) => {
    const channel = `kiosk:event:${name}`;
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => ipcRenderer.removeListener(channel, handler);
  },
});
