import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './freePort.js';

/** What to run where PostgreSQL is missing: the Central suites and benchmarks run on it too, never skipped. */
export const POSTGRES_INSTALL = 'sudo apt-get install -y postgresql';

/** Debian's PostgreSQL server binaries (initdb, pg_ctl), newest version first; undefined when none is installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

export interface PostgresCluster {
  readonly port: number;
  /** A URL on this cluster, as Central's `--db` takes it. */
  url(database: string): string;
  /** Creates a database unless it exists; answers its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops PostgreSQL as a crash would (`immediate`: no checkpoint) or cleanly, and starts it again on the same port. */
  restart(mode: 'immediate' | 'fast'): Promise<void>;
  stop(): void;
}

/**
 * A throwaway PostgreSQL cluster: initdb in a temporary folder, a free port on
 * 127.0.0.1, trust authentication, torn down by stop(). PostgreSQL refuses to
 * run as root, so as root (CI) its commands run as the `postgres` user that
 * Debian's package creates. `fsync: false` for tests only: it survives a
 * killed server (the OS keeps what was written) but not a power cut, and
 * the benchmarks measure with it on.
 */
export async function startPostgresCluster(options: { fsync?: boolean } = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Install it with:\n  ${POSTGRES_INSTALL}`);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'psh-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const run = (command: string, args: readonly string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), [...args]];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(' ')} failed (${String(result.status ?? result.signal)}):\n${result.stderr}${logTail(dir)}`);
  };
  const runAsync = (command: string, args: readonly string[]): Promise<void> => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), [...args]];
    return new Promise((resolve, reject) => {
      execFile(file, argv, (error, _stdout, stderr) =>
        error ? reject(new Error(`${command} failed: ${stderr}${logTail(dir)}`)) : resolve(),
      );
    });
  };
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${String(port)}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    ...(options.fsync === false ? ['-c fsync=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  const startArgs = ['-D', data, '-l', join(dir, 'log'), '-w', '-o', settings, 'start'];
  const start = () => run('pg_ctl', startArgs);
  start();
  const url = (database: string) => `postgres://postgres@127.0.0.1:${String(port)}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    // Asynchronous, so the test's own clients (kiosk cores in the test process) go on sending while PostgreSQL is down.
    async restart(mode) {
      await runAsync('pg_ctl', ['-D', data, '-w', '-m', mode, 'stop']);
      await runAsync('pg_ctl', startArgs);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(`no "postgres" user to run PostgreSQL as (root cannot). Install it with:\n  ${POSTGRES_INSTALL}`);
  return { uid: Number(uid), gid: Number(gid) };
}

const logTail = (dir: string): string => {
  const log = join(dir, 'log');
  return existsSync(log) ? `\nserver log:\n${readFileSync(log, 'utf8').split('\n').slice(-20).join('\n')}` : '';
};
