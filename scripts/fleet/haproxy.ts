import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** Where Debian's package puts it (apt-get install haproxy). */
export const HAPROXY = '/usr/sbin/haproxy';

export interface Haproxy {
  readonly url: string;
  /** Takes a Central out of rotation (maintenance) or puts it back, through HAProxy's admin socket. */
  setServer(index: number, state: 'maint' | 'ready'): Promise<string>;
  /** What HAProxy says of each Central: `UP`, `DOWN`, `MAINT`, with its session counts (`show stat`, CSV). */
  stats(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The reverse proxy a national deployment puts in front of its Centrals: round
 * robin over them, health checks on /api/ready every second (503 while a Central's database does not answer), a request whose
 * Central refuses the connection sent to the other (redispatch), and
 * X-Forwarded-For carrying each client's own address, which Central believes
 * because it runs with --trust-proxy 127.0.0.1. HAProxy runs in the
 * foreground as an ordinary process; its admin socket drops a Central on demand.
 */
export function haproxyConfig(dir: string, port: number, centralPorts: readonly number[]): string {
  const servers = centralPorts.map(
    (centralPort, index) => `  server c${String(index)} 127.0.0.1:${String(centralPort)} check inter 1s fall 2 rise 1`,
  );
  return [
    'global',
    `  stats socket ${join(dir, 'admin.sock')} mode 600 level admin`,
    '  maxconn 8192',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 10s',
    '  option forwardfor',
    '  option redispatch',
    '  retries 3',
    'frontend fleet',
    `  bind 127.0.0.1:${String(port)}`,
    '  default_backend centrals',
    'backend centrals',
    '  balance roundrobin',
    '  option httpchk GET /api/ready',
    ...servers,
    '',
  ].join('\n');
}

const ask = (socket: string, command: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const client = connect(socket);
    let answer = '';
    client.on('data', (chunk) => (answer += chunk.toString()));
    client.on('end', () => resolve(answer));
    client.on('error', reject);
    client.end(`${command}\n`);
  });

export async function startHaproxy(dir: string, port: number, centralPorts: readonly number[]): Promise<Haproxy> {
  if (!existsSync(HAPROXY)) throw new Error(`HAProxy is not installed (${HAPROXY}). Install it with:\n  sudo apt-get install -y haproxy`);
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(dir, port, centralPorts));
  const child: ChildProcess = spawn(HAPROXY, ['-f', file, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const socket = join(dir, 'admin.sock');
  const deadline = Date.now() + 10_000;
  // Ready once the admin socket answers; an exit before that is a bad config, said with HAProxy's own words.
  while (!(await ask(socket, 'show info').catch(() => ''))) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${String(child.exitCode)}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`haproxy did not start in 10 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${String(port)}`,
    setServer: (index, state) => ask(socket, `set server centrals/c${String(index)} state ${state}`),
    stats: () => ask(socket, 'show stat'),
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
