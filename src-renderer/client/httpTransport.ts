import type { InvokeResult } from '../../src-main/api/contract.js';
import type { KioskTransport } from './kioskClient.js';

interface EventMessage {
  type: 'event';
  name: string;
  payload: unknown;
}

/** The browser host's transport: POST per call, one WebSocket for events (reconnecting). */
export function createHttpTransport(origin: string = window.location.origin): KioskTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | undefined;

  const connect = () => {
    socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/events`);
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as EventMessage;
      listeners.get(event.name)?.forEach((listener) => listener(event.payload));
    };
    socket.onclose = () => {
      socket = undefined;
      if (listeners.size > 0) setTimeout(connect, 1000);
    };
  };

  return {
    async invoke(name, args) {
      try {
        const response = await fetch(`${origin}/api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ args }),
        });
        return (await response.json()) as InvokeResult<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `Kiosk core unreachable: ${String(error)}` } };
      }
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      if (!socket) connect();
      return () => set.delete(listener);
    },
  };
}
