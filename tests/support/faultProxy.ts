import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { seededRandom } from '../../sync/node/seededRandom.js';

export type Fault = 'pass' | 'reset' | 'delay' | 'truncate' | 'error500' | 'throttle429' | 'lostReply';

export interface FaultProxy {
  readonly url: string;
  readonly counts: Record<Fault, number>;
  /** Requests forwarded to a Central that was not there (connection refused: it was killed), and answers of 500 or more it gave. */
  readonly upstream: { unreachable: number; failed: number };
  /** Changes the share of requests that meet a fault from now on (0 for a clean setup phase). */
  setFaultRate(rate: number): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 between the kiosk and Central that, on a seeded
 * schedule, resets connections, delays, truncates answers, answers 500 or 429
 * (Retry-After: 1) without forwarding, or forwards and then loses the reply
 * (Central committed, the kiosk never hears). Every fault is local traffic.
 */
export async function startFaultProxy(
  /** Central's port, or several Centrals' ports: requests then go to each in turn, as a round-robin reverse proxy sends them. */
  target: number | readonly number[],
  options: { seed: number; faultRate: number },
): Promise<FaultProxy> {
  const targets = typeof target === 'number' ? [target] : target;
  let turn = 0;
  let faultRate = options.faultRate;
  const upstreamCounts = { unreachable: 0, failed: 0 };
  const random = seededRandom(options.seed);
  const counts: Record<Fault, number> = { pass: 0, reset: 0, delay: 0, truncate: 0, error500: 0, throttle429: 0, lostReply: 0 };
  const FAULTS: Fault[] = ['reset', 'delay', 'truncate', 'error500', 'throttle429', 'lostReply'];

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, onAnswer: (upstream: IncomingMessage) => void) => {
    const targetPort = targets[turn % targets.length];
    turn += 1;
    const upstream = httpRequest(
      { host: '127.0.0.1', port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
      onAnswer,
    );
    upstream.on('response', (answer) => {
      if ((answer.statusCode ?? 0) >= 500) upstreamCounts.failed += 1;
    });
    upstream.on('error', () => {
      upstreamCounts.unreachable += 1;
      outgoing.socket?.destroy();
    });
    incoming.pipe(upstream);
  };

  const server: Server = createServer((incoming, outgoing) => {
    const fault: Fault = random() < faultRate ? (FAULTS[Math.floor(random() * FAULTS.length)] ?? 'pass') : 'pass';
    counts[fault] += 1;
    switch (fault) {
      case 'reset':
        incoming.socket.destroy();
        return;
      case 'error500':
        incoming.resume();
        outgoing.writeHead(500, { 'content-type': 'text/plain' }).end('proxy: injected failure');
        return;
      case 'throttle429':
        incoming.resume();
        outgoing.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('proxy: slow down');
        return;
      case 'lostReply':
        forward(incoming, outgoing, (answer) => {
          answer.resume();
          answer.once('end', () => outgoing.socket?.destroy());
        });
        return;
      case 'truncate':
        forward(incoming, outgoing, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.flushHeaders();
          // Half of the first chunk, then the connection dies; an answer without a body dies after its headers.
          answer.once('data', (chunk: Buffer) => {
            outgoing.write(chunk.subarray(0, Math.floor(chunk.length / 2)));
            outgoing.socket?.destroy();
          });
          answer.once('end', () => outgoing.socket?.destroy());
        });
        return;
      case 'delay':
      case 'pass': {
        const go = () =>
          forward(incoming, outgoing, (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          });
        if (fault === 'delay') setTimeout(go, 50 + Math.floor(random() * 400));
        else go();
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    upstream: upstreamCounts,
    setFaultRate: (rate) => {
      faultRate = rate;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
