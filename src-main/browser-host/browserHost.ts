import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { EventName, InvokeResult, KioskEvents } from '../api/contract.js';
import { createDispatcher } from '../api/dispatch.js';
import { createKioskHandlers } from '../api/handlers.js';
import { mediaOf } from '../api/media.js';
import type { KioskCore } from '../core/kioskCore.js';
import { BodyError, readJsonBody } from './readJsonBody.js';
import { statusForError } from './statusForError.js';

export interface BrowserHostOptions {
  readonly core: KioskCore;
  /** The built renderer (vite build output); without it only the API is served. */
  readonly rendererDir?: string;
  readonly port?: number;
}

export interface RunningBrowserHost {
  readonly url: string;
  close(): Promise<void>;
}

/** A message pushed to the page over the event socket. */
export interface EventMessage<N extends EventName = EventName> {
  readonly type: 'event';
  readonly name: N;
  readonly payload: KioskEvents[N];
}

const MAX_BODY = 64 * 1024;
const INVOKE = /^\/api\/invoke\/([A-Za-z.]+)$/;
const MEDIA = '/api/media/';

const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};

/**
 * The kiosk API contract over HTTP + WebSocket on 127.0.0.1, serving the built
 * renderer: the same calls Electron carries over IPC, for Chromium kiosks,
 * build machines and the e2e tests. Plain node:http (with sirv for files and
 * ws for events) because it starts in a fraction of a web framework's time,
 * and start-up is on the path to the welcome screen.
 */
export async function startBrowserHost({ core, rendererDir, port = 0 }: BrowserHostOptions): Promise<RunningBrowserHost> {
  const dispatch = createDispatcher(createKioskHandlers(core));
  const serveFiles = rendererDir && existsSync(rendererDir) ? sirv(rendererDir, { etag: true, single: true }) : undefined;
  let origin = '';

  // Only pages served by this host may call it: another site open on this
  // machine (or a DNS-rebinding page) must not submit on the kiosk's behalf.
  // 127.0.0.1 and localhost are the same loopback host; a technician may type either.
  const ownHosts = () => {
    const port = new URL(origin).port;
    return [`127.0.0.1:${port}`, `localhost:${port}`];
  };
  const sameOrigin = (request: IncomingMessage) => {
    const host = request.headers.host ?? '';
    const from = request.headers.origin;
    return ownHosts().includes(host) && (from === undefined || from === `http://${host}`);
  };

  const serveMedia = (response: ServerResponse, audioPath: string) => {
    const media = mediaOf(core, audioPath);
    if (!media || (media.kind === 'file' && !existsSync(media.path))) return sendJson(response, 404, { error: 'no such audio' });
    const size = media.kind === 'memory' ? media.bytes.length : statSync(media.path).size;
    response.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(size), 'cache-control': media.cacheControl });
    if (media.kind === 'memory') response.end(media.bytes);
    else createReadStream(media.path).pipe(response);
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    if (!sameOrigin(request)) return sendJson(response, 403, { ok: false, error: { code: 'bad-request', message: 'Forbidden origin' } });
    if (path.startsWith(MEDIA) && request.method === 'GET') return serveMedia(response, path.slice(MEDIA.length));
    const name = INVOKE.exec(path)?.[1];
    if (request.method !== 'POST' || !name)
      return sendJson(response, 404, { ok: false, error: { code: 'unknown-handler', message: 'Not found' } });
    let body: unknown;
    try {
      body = await readJsonBody(request, MAX_BODY);
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      return sendJson(response, status, { ok: false, error: { code: 'bad-request', message: (error as Error).message, field: '(body)' } });
    }
    const args = typeof body === 'object' && body !== null ? (body as { args?: unknown }).args : undefined;
    const result: InvokeResult<unknown> = await dispatch(name, args);
    sendJson(response, result.ok ? 200 : statusForError(result.error.code), result);
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://kiosk').pathname;
    if (path.startsWith('/api/')) {
      void handleApi(request, response, path);
    } else if (serveFiles) {
      serveFiles(request, response, () => sendJson(response, 404, { error: 'not found' }));
    } else {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Kiosk renderer not built: run `npm run build:renderer`.');
    }
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  server.on('upgrade', (request, socket, head) => {
    if (request.url !== '/api/events' || !sameOrigin(request)) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const send = <N extends EventName>(name: N, payload: KioskEvents[N]) =>
        ws.send(JSON.stringify({ type: 'event', name, payload } satisfies EventMessage<N>));
      send('sync.status', core.sync.status());
      const unsubscribe = core.subscribe((event) => send(event.name, event.payload));
      ws.on('close', unsubscribe);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? String(address.port) : String(port)}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.clients.forEach((client) => client.terminate());
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
