import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { EventName, InvokeResult, KioskEvents } from '../api/contract.js';
import { mediaOf } from '../api/media.js';
import type { KioskCore } from '../core/kioskCore.js';
import { openApi, type HostApi } from './hostApi.js';
import { BodyError, readJsonBody } from './readJsonBody.js';
import { statusForError } from './statusForError.js';

export interface BrowserHostOptions {
  /**
   * The core, or its promise: the host listens and serves the renderer at
   * once, and API calls wait for the core. The page's scripts load and run
   * while the core opens its database, instead of after it.
   */
  readonly core: KioskCore | Promise<KioskCore>;
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

// Vite names every asset by its content hash, so a cached copy is never stale; index.html names them, so it is always asked again.
const cacheHeaders = (response: ServerResponse, pathname: string) =>
  response.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');

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
  let listening!: () => void;
  const api: Promise<HostApi> = new Promise<void>((resolve) => (listening = resolve)).then(() => openApi(core));
  let opened: HostApi | undefined;
  // A failed core is reported by whoever opened it; calls then answer 503.
  api.then(
    (ready) => (opened = ready),
    () => undefined,
  );
  const serveFiles =
    rendererDir && existsSync(rendererDir) ? sirv(rendererDir, { etag: true, single: true, setHeaders: cacheHeaders }) : undefined;
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

  const serveMedia = (response: ServerResponse, core: KioskCore, audioPath: string) => {
    const media = mediaOf(core, audioPath);
    if (!media || (media.kind === 'file' && !existsSync(media.path))) return sendJson(response, 404, { error: 'no such audio' });
    const size = media.kind === 'memory' ? media.bytes.length : statSync(media.path).size;
    response.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(size), 'cache-control': media.cacheControl });
    if (media.kind === 'memory') response.end(media.bytes);
    else createReadStream(media.path).pipe(response);
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    if (!sameOrigin(request)) return sendJson(response, 403, { ok: false, error: { code: 'bad-request', message: 'Forbidden origin' } });
    let ready: HostApi;
    try {
      ready = await api;
    } catch {
      return sendJson(response, 503, { ok: false, error: { code: 'storage', message: 'The kiosk core did not open' } });
    }
    if (path.startsWith(MEDIA) && request.method === 'GET') return serveMedia(response, ready.core, path.slice(MEDIA.length));
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
    const result: InvokeResult<unknown> = await ready.dispatch(name, args);
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

  server.on('upgrade', (request, socket, head) => {
    if (request.url !== '/api/events' || !sameOrigin(request)) {
      socket.destroy();
      return;
    }
    api.then(
      ({ core, sockets }) =>
        sockets.handleUpgrade(request, socket, head, (ws) => {
          const send = <N extends EventName>(name: N, payload: KioskEvents[N]) =>
            ws.send(JSON.stringify({ type: 'event', name, payload } satisfies EventMessage<N>));
          send('sync.status', core.sync.status());
          const unsubscribe = core.subscribe((event) => send(event.name, event.payload));
          ws.on('close', unsubscribe);
        }),
      () => socket.destroy(),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // Only now: loading the API's modules would otherwise hold up the first byte of the page.
  listening();
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? String(address.port) : String(port)}`;
  return {
    url: origin,
    close: async () => {
      // Without waiting for a core still opening: a host may be closed before its core ever opens.
      const sockets = opened?.sockets;
      sockets?.clients.forEach((client) => client.terminate());
      sockets?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
