import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { freePort } from '../../tests/support/freePort.js';
import { startPostgresCluster, type PostgresCluster } from '../../tests/support/postgresCluster.js';
import { startCentralProcess, type CentralProcess } from '../bench/centralProcess.js';
import { createCpuMeter } from './processCpu.js';
import { startHaproxy, type Haproxy } from './haproxy.js';

export const FLEET_DEMO_TOKEN = 'fleet-simulation-demo-token-0123456789';

/** Central as a national deployment runs it: PostgreSQL, two Central processes, HAProxy in front. */
export interface FleetCentrals {
  readonly cluster: PostgresCluster;
  readonly db: Kysely<CentralDatabase>;
  readonly proxy: Haproxy;
  /** Each Central's own address, behind the proxy. */
  readonly directUrls: readonly string[];
  readonly cpu: ReturnType<typeof createCpuMeter>;
  /** Exits nobody asked for, each with the last lines its Central wrote: restarted at once, as systemd's Restart=always does. */
  readonly unplannedExits: string[];
  /** SIGKILL, as a crash or the OOM killer ends a process; its CPU until then is kept. */
  kill(which: number): Promise<void>;
  restart(which: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startFleetCentrals(dir: string, options: { readonly fsync: boolean }): Promise<FleetCentrals> {
  const cluster = await startPostgresCluster({ fsync: options.fsync });
  const database = await cluster.createDatabase('fleet');
  const ports = [await freePort(), await freePort()];
  const data = join(dir, 'central');
  const running: Array<CentralProcess | undefined> = [];
  const cpu = createCpuMeter();
  const unplannedExits: string[] = [];
  const planned = new Set<number>();
  const logOf = (which: number) => join(dir, `central-${String(which)}.log`);
  const start = async (which: number): Promise<void> => {
    const log = openSync(logOf(which), 'a');
    const central = await startCentralProcess(data, FLEET_DEMO_TOKEN, {
      port: ports[which] ?? 0,
      // The proxy connects from 127.0.0.1: its X-Forwarded-For, each client's own address, is believed.
      args: ['--trust-proxy', '127.0.0.1'],
      env: { PSH_CENTRAL_DB: database },
      // Its errors go to a log of its own, read back when it exits unasked.
      stderr: log,
    }).finally(() => closeSync(log));
    running[which] = central;
    if (central.child.pid) cpu.watch(central.child.pid);
    central.child.once('exit', (code, signal) => {
      if (planned.delete(which)) return;
      const said = readFileSync(logOf(which), 'utf8').trim().split('\n').slice(-3).join(' | ');
      unplannedExits.push(`Central ${String(which)} exited (${String(code ?? signal)}): ${said.slice(0, 600)}`);
      cpu.sample();
      void start(which).catch((error: unknown) => unplannedExits.push(`Central ${String(which)} did not start again: ${String(error)}`));
    });
  };
  // The first creates the schema and the keys; the second finds both.
  await start(0);
  await start(1);
  const db = await openCentralDb(data, database);
  const proxy = await startHaproxy(dir, await freePort(), ports);
  return {
    cluster,
    db,
    proxy,
    directUrls: ports.map((port) => `http://127.0.0.1:${String(port)}`),
    cpu,
    unplannedExits,
    async kill(which) {
      cpu.sample();
      const child = running[which]?.child;
      if (!child || child.exitCode !== null) return;
      planned.add(which);
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGKILL');
      });
    },
    restart: start,
    async stop() {
      cpu.sample();
      await proxy.stop();
      await db.destroy();
      running.forEach((_, which) => planned.add(which));
      for (const central of running) await central?.stop();
      cluster.stop();
    },
  };
}
