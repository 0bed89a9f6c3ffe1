import type { WebSocketServer } from 'ws';
import type { InvokeResult } from '../api/contract.js';
import type { KioskCore } from '../core/kioskCore.js';

/** What the browser host needs once the core is open: the core, its dispatcher and the event socket server. */
export interface HostApi {
  readonly core: KioskCore;
  dispatch(name: string, args: unknown): Promise<InvokeResult<unknown>>;
  readonly sockets: WebSocketServer;
}

/**
 * The API side of the host, loaded only after the host listens: the dispatcher
 * pulls in the whole core and its schemas, and ws has optional native add-ons
 * to look for; together they take longer to load than the page's scripts take
 * to reach the network, so they load while the page does.
 */
export async function openApi(core: KioskCore | Promise<KioskCore>): Promise<HostApi> {
  const [{ createDispatcher }, { createKioskHandlers }, { WebSocketServer }] = await Promise.all([
    import('../api/dispatch.js'),
    import('../api/handlers.js'),
    import('ws'),
  ]);
  const opened = await core;
  return {
    core: opened,
    dispatch: createDispatcher(createKioskHandlers(opened)),
    sockets: new WebSocketServer({ noServer: true, maxPayload: 1024 }),
  };
}
