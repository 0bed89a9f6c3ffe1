import { connect, createServer, type Server, type Socket } from 'node:net';

export interface KioskLink {
  /** What the kiosk's config names as Central: this link's own port on loopback. */
  readonly url: string;
  /** Cuts the line: open connections are reset and new ones refused until `online(true)`. */
  online(up: boolean): void;
  readonly isOnline: () => boolean;
  close(): Promise<void>;
}

/**
 * A kiosk's network line to the proxy, as a branch's uplink is: every byte
 * passes through unchanged, from the branch's own address (`localAddress`, one
 * of 127.0.0.0/8, which Linux answers on all of), so the proxy and Central see
 * each branch as its own client. Going offline resets the line's connections,
 * as a cut cable does to the kiosk; nothing is faked above TCP.
 */
export function openKioskLink(proxyPort: number, localAddress: string): Promise<KioskLink> {
  let up = true;
  const open = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    if (!up) return inbound.resetAndDestroy();
    const outbound = connect({ host: '127.0.0.1', port: proxyPort, localAddress });
    open.add(inbound);
    const drop = () => {
      open.delete(inbound);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
    inbound.pipe(outbound).pipe(inbound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${String(port)}`,
        online(next) {
          up = next;
          if (!next) for (const socket of open) socket.resetAndDestroy();
        },
        isOnline: () => up,
        close: () =>
          new Promise((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
