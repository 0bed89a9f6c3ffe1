import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { EventName, KioskEvents } from '../api/contract.js';
import { createDispatcher } from '../api/dispatch.js';
import { createKioskHandlers } from '../api/handlers.js';
import type { KioskCore } from '../core/kioskCore.js';
import { statusForError } from './statusForError.js';

export interface BrowserHostOptions {
  readonly core: KioskCore;
  /** The built renderer (vite build output); without it only the API is served. */
  readonly rendererDir?: string;
  readonly port?: number;
}

export interface RunningBrowserHost {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** A message pushed to the page over the event socket. */
export interface EventMessage<N extends EventName = EventName> {
  readonly type: 'event';
  readonly name: N;
  readonly payload: KioskEvents[N];
}

/**
 * The kiosk API contract over HTTP + WebSocket on 127.0.0.1, serving the built
 * renderer: the same calls Electron carries over IPC, for Chromium kiosks,
 * build machines and the e2e tests.
 */
export async function startBrowserHost({ core, rendererDir, port = 0 }: BrowserHostOptions): Promise<RunningBrowserHost> {
  const dispatch = createDispatcher(createKioskHandlers(core));
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  let origin = '';

  // Only pages served by this host may call it: another site open on this
  // machine (or a DNS-rebinding page) must not submit on the kiosk's behalf.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const host = request.headers.host ?? '';
    const from = request.headers.origin;
    if (host !== new URL(origin).host || (from !== undefined && from !== origin)) {
      await reply.code(403).send({ ok: false, error: { code: 'bad-request', message: 'Forbidden origin' } });
    }
  });

  await app.register(fastifyWebsocket);
  app.post<{ Params: { name: string }; Body: { args?: unknown } }>('/api/invoke/:name', async (request, reply) => {
    const result = await dispatch(request.params.name, request.body?.args);
    return reply.code(result.ok ? 200 : statusForError(result.error.code)).send(result);
  });
  app.get('/api/events', { websocket: true }, (socket) => {
    const send = <N extends EventName>(name: N, payload: KioskEvents[N]) =>
      socket.send(JSON.stringify({ type: 'event', name, payload } satisfies EventMessage<N>));
    send('sync.status', core.sync.status());
    const unsubscribe = core.onSyncStatus((status) => send('sync.status', status));
    socket.on('close', unsubscribe);
  });

  if (rendererDir && existsSync(rendererDir)) {
    await app.register(fastifyStatic, { root: rendererDir, index: 'index.html' });
  } else {
    app.get('/', (_request, reply) => reply.type('text/plain').send('Kiosk renderer not built: run `npm run build:renderer`.'));
  }

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? String(address.port) : String(port)}`;
  return {
    app,
    url: origin,
    close: () => app.close(),
  };
}
