import type { InvokeResult } from '../../src-main/api/contract.js';
import type { KioskTransport } from './kioskClient.js';

/** What src-main/electron/preload.cts exposes; nothing else crosses into the page. */
interface KioskBridge {
  invoke(name: string, args: unknown): Promise<unknown>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    kioskBridge?: KioskBridge;
  }
}

export function electronBridge(): KioskBridge | undefined {
  return window.kioskBridge;
}

export function createElectronTransport(bridge: KioskBridge): KioskTransport {
  return {
    invoke: async (name, args) => (await bridge.invoke(name, args)) as InvokeResult<unknown>,
    subscribe: (name, listener) => bridge.subscribe(name, listener),
  };
}
