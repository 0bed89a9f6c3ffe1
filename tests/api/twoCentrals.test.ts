import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { payloadSha256 } from '../../src-main/core/outbox/payloadHash.js';
import { leafHash, nodeHash, splitPoint } from '../../sync/record/merkle.js';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy.js';
import { freePort } from '../support/freePort.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgresCluster.js';
import { startCentralProcess, type RunningProcess } from '../support/processes.js';
import { signInStaff } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// Two Central processes on one PostgreSQL, as a national deployment runs them behind a reverse proxy:
// 50 kiosk cores push through a round-robin proxy that injects faults, one Central is killed with
// SIGKILL mid-round and restarted, and PostgreSQL itself is stopped as a crash stops it and restarted.
// This test starts its own cluster (not the project's shared one), since it restarts it.
const KIOSKS = 50;
const RATINGS_PER_KIOSK = 20;
/** Each voter votes twice, on two kiosks, offline: exactly one of the two may count. */
const VOTERS = 25;
const BRANCH = 'two-centrals';
const dir = makeTempDir('two-centrals');
const centralData = join(dir.path, 'central');
let cluster: PostgresCluster;
let database: string;
let db: Kysely<CentralDatabase>;
let proxy: FaultProxy;
const ports: number[] = [];
const centrals: Array<RunningProcess | undefined> = [];
const kiosks: Array<{ core: KioskCore; call: ReturnType<typeof createDispatcher> }> = [];

const startCentralAt = async (which: number): Promise<void> => {
  centrals[which] = await startCentralProcess(centralData, ports[which] ?? 0, { PSH_CENTRAL_DB: database });
};

beforeAll(async () => {
  // The kiosk cores log every failed sync (faults are the point here): kept off the test output.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(() => undefined);
  cluster = await startPostgresCluster({ fsync: false });
  database = await cluster.createDatabase('two_centrals');
  ports.push(await freePort(), await freePort());
  // The first creates the schema and the keys; the second finds both.
  await startCentralAt(0);
  await startCentralAt(1);
  db = await openCentralDb(centralData, database);
  proxy = await startFaultProxy(ports, { seed: 11, faultRate: 0 });
  for (let index = 0; index < KIOSKS; index += 1) {
    const { token } = await createEnrolmentToken(db, BRANCH, 1);
    const core = createKioskCore(
      KioskConfig.parse({
        kioskId: `k${String(index)}`,
        branchId: BRANCH,
        desk: { id: 'd', services: ['civil-registry'] },
        central: {
          url: proxy.url,
          enrolmentToken: token,
          syncIntervalMs: 3_600_000,
          backoffBaseMs: 50,
          backoffCapMs: 200,
          healthProbeMs: 100,
        },
        starterContent: DEMO_CONTENT_FILE,
        dataDir: join(dir.path, `kiosk-${String(index)}`),
      }),
    );
    kiosks.push({ core, call: createDispatcher(createKioskHandlers(core)) });
  }
  // Enrolled (each holds Central's sealing key, for verified votes), half through each Central.
  await Promise.all(kiosks.map(({ core }) => core.sync.syncNow()));
}, 120_000);

afterAll(async () => {
  for (const { core } of kiosks) await core.close();
  await proxy.close();
  await db.destroy();
  for (const central of centrals) await central?.stop();
  cluster.stop();
  dir.remove();
  vi.restoreAllMocks();
});

const value = <T>(result: Awaited<ReturnType<ReturnType<typeof createDispatcher>>>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

/** RFC 6962's tree hash of the entries, computed here from nothing but the entries. */
const treeRoot = (leaves: readonly Buffer[]): Buffer => {
  if (leaves.length === 1 && leaves[0]) return leaves[0];
  const split = splitPoint(leaves.length);
  return nodeHash(treeRoot(leaves.slice(0, split)), treeRoot(leaves.slice(split)));
};

describe('two Centrals on one PostgreSQL', () => {
  it(
    'store every confirmed submission once and count every vote once, through a killed Central and a restarted PostgreSQL',
    { timeout: 8 * 60_000 },
    async () => {
      const expected = new Map<string, string>();
      for (const [index, { core }] of kiosks.entries())
        for (let n = 0; n < RATINGS_PER_KIOSK; n += 1) {
          const payload = {
            type: 'rating' as const,
            serviceId: 'civil-registry',
            deskId: 'd',
            score: ((index + n) % 5) + 1,
            language: 'ka' as const,
          };
          expected.set(core.enqueue({ payload, sessionId: null, contentVersion: 1 }).id, payloadSha256(payload));
        }
      for (let voter = 0; voter < VOTERS; voter += 1)
        for (const [turn, kiosk] of [kiosks[(2 * voter) % KIOSKS], kiosks[(2 * voter + 7) % KIOSKS]].entries()) {
          if (!kiosk) throw new Error('no kiosk');
          const { sessionId } = value<{ sessionId: string }>(await kiosk.call('session.start', { language: 'ka' }));
          value(
            await kiosk.call('vote.submit', {
              sessionId,
              ballotId: demoBallot.id,
              choices: [turn === 0 ? 'step-free' : 'child-corner'],
              personalNumber: String(10_000_000_000 + voter),
            }),
          );
        }

      proxy.setFaultRate(0.2);
      const pending = () => kiosks.reduce((sum, { core }) => sum + core.sync.status().pending, 0);
      const checkpoints = new Set<string>();
      const askCheckpoints = async () => {
        for (const port of ports) {
          const answer = await fetch(`http://127.0.0.1:${String(port)}/record/checkpoint`).catch(() => undefined);
          if (answer?.ok) checkpoints.add(await answer.text());
        }
      };
      const started = Date.now();
      let rounds = 0;
      while (pending() > 0 && rounds < 300 && Date.now() - started < 5 * 60_000) {
        rounds += 1;
        const round = Promise.all(kiosks.map(({ core }) => core.sync.syncNow()));
        if (rounds === 1) {
          // Mid-round: batches are arriving at both Centrals.
          await new Promise((resolve) => setTimeout(resolve, 150));
          await centrals[0]?.stop('SIGKILL');
        }
        // PostgreSQL stopped as a crash stops it (no checkpoint), while this round pushes, and started again.
        const restarting = rounds === 2 ? cluster.restart('immediate') : undefined;
        await round;
        await restarting;
        if (rounds === 1) await startCentralAt(0);
        await askCheckpoints();
      }
      expect(pending()).toBe(0);
      expect(kiosks.every(({ core }) => core.sync.status().dead === 0)).toBe(true);

      // Every submission once, as the kiosk sent it.
      const rows = await db.selectFrom('submissions').select(['id', 'type', 'payload_sha256']).execute();
      expect(rows).toHaveLength(KIOSKS * RATINGS_PER_KIOSK + 2 * VOTERS);
      for (const row of rows.filter((stored) => stored.type === 'rating')) expect(row.payload_sha256).toBe(expected.get(row.id));

      // Every voter counted once: the vote recorded first.
      const votes = await db.selectFrom('votes').select(['voter_key', 'claimed_at', 'counted']).execute();
      expect(votes).toHaveLength(2 * VOTERS);
      const byVoter = new Map<string | null, typeof votes>();
      for (const vote of votes) byVoter.set(vote.voter_key, [...(byVoter.get(vote.voter_key) ?? []), vote]);
      expect(byVoter.size).toBe(VOTERS);
      for (const pair of byVoter.values()) {
        expect(pair.filter((vote) => vote.counted === 1)).toHaveLength(1);
        const first = pair.reduce((a, b) => (a.claimed_at <= b.claimed_at ? a : b));
        expect(first.counted).toBe(1);
      }
      const choices = await db
        .selectFrom('vote_choices')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('counted', '=', 1)
        .executeTakeFirst();
      expect(choices?.n).toBe(VOTERS);

      // The log: one order (indexes 0..n-1), one entry per stored submission.
      const entries = await db.selectFrom('record_entries').select(['idx', 'entry']).orderBy('idx').execute();
      entries.forEach((row, at) => expect(row.idx).toBe(at));
      const accepted = entries
        .map((row) => JSON.parse(row.entry.toString('utf8')) as { kind: string; subject: string })
        .filter((event) => event.kind === 'submission.accepted');
      expect(new Set(accepted.map((event) => event.subject))).toEqual(new Set(rows.map((row) => row.id)));
      expect(accepted).toHaveLength(rows.length);

      // Every checkpoint either Central signed is a prefix of this one log (so any two are consistent),
      // and both Centrals served checkpoints under the one key.
      const leaves = entries.map((row) => leafHash(row.entry));
      const signed = await db.selectFrom('record_checkpoints').select(['size', 'root']).execute();
      expect(signed.length).toBeGreaterThan(1);
      for (const checkpoint of signed) expect(treeRoot(leaves.slice(0, checkpoint.size)).equals(checkpoint.root)).toBe(true);
      const keys = await Promise.all(ports.map(async (port) => (await fetch(`http://127.0.0.1:${String(port)}/record/key`)).text()));
      expect(new Set(keys).size).toBe(1);
      expect(checkpoints.size).toBeGreaterThan(0);
      for (const note of checkpoints) {
        // A checkpoint note: origin, size, base64 root (C2SP tlog-checkpoint), then the signatures.
        const [, size, root] = note.split('\n');
        const stored = signed.find((checkpoint) => String(checkpoint.size) === size);
        expect(stored?.root.toString('base64')).toBe(root);
      }
      const faults = Object.values(proxy.counts).reduce((a, b) => a + b, 0) - proxy.counts.pass;
      process.stdout.write(
        `two centrals: ${String(rounds)} rounds, ${String(faults)} faults, upstream ${JSON.stringify(proxy.upstream)}, ${String(signed.length)} checkpoints\n`,
      );
      expect(faults).toBeGreaterThan(20);
      // The kill and the restart happened while kiosks were pushing: requests met a dead Central and a Central without its database.
      expect(proxy.upstream.unreachable).toBeGreaterThan(0);
      expect(proxy.upstream.failed).toBeGreaterThan(0);
    },
  );

  it('never shows a reader going from one Central to the other a smaller record than it saw (a witness would call that a rollback)', async () => {
    proxy.setFaultRate(0);
    const [first] = kiosks;
    if (!first) throw new Error('no kiosks');
    const sizeAt = async (port: number | undefined) => {
      const note = await (await fetch(`http://127.0.0.1:${String(port)}/record/checkpoint`)).text();
      return Number(note.split('\n')[1]);
    };
    // A kiosk behind a round-robin proxy asks each Central in turn, and the record grows between its asks.
    const seen: number[] = [];
    for (let round = 0; round < 80; round += 1) {
      const payload = { type: 'rating' as const, serviceId: 'civil-registry', deskId: 'd', score: 3, language: 'ka' as const };
      first.core.enqueue({ payload, sessionId: null, contentVersion: 1 });
      await first.core.sync.syncNow();
      seen.push(await sizeAt(ports[round % 2]));
    }
    const shrank = seen.flatMap((size, at) => (at > 0 && size < (seen[at - 1] ?? 0) ? [`${String(seen[at - 1])} -> ${String(size)}`] : []));
    expect(shrank).toEqual([]);
    expect(seen.at(-1)).toBeGreaterThan(seen[0] ?? 0);
  });

  it('keeps a staff session opened on one Central good on the other (sessions live in the database)', async () => {
    await createStaffUser(db, 'two-centrals-admin', 'a long enough password 42', 'admin');
    const [first, second] = ports.map((port) => ({ url: `http://127.0.0.1:${String(port)}` }));
    if (!first || !second) throw new Error('no Centrals');
    const staff = await signInStaff(first, 'two-centrals-admin', 'a long enough password 42');
    if (!('cookie' in staff)) throw new Error(`sign-in refused: ${String(staff.status)}`);
    const fleet = await fetch(`${second.url}/console/fleet`, { headers: { cookie: staff.cookie }, redirect: 'manual' });
    expect(fleet.status).toBe(200);
    expect(await fetch(`${second.url}/console/fleet`, { redirect: 'manual' }).then((answer) => answer.status)).toBe(303);
  });
});
