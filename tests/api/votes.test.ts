import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { ballotTally } from '../../sync/central/services/ballotTally.js';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, type RunningProcess } from '../support/processes.js';
import { filesContaining } from '../support/grepFiles.js';
import { makeTempDir } from '../support/tempDir.js';
import { testDatabase } from '../support/testCentral.js';
import { postgresBinDir } from '../support/postgresCluster.js';

// Verified votes (one per person across kiosks) with two real kiosk cores and a real Central that is
// down while both vote. The personal number must never exist in clear in any file or log line: Central
// runs as its own process with its request log on (as `npm run central -- serve` runs it), and everything
// the kiosk cores write to the console is captured.
const TOKEN_BRANCH = 'rustavi';
const NUMBER = '01024085927';
const dir = makeTempDir('votes');
const centralData = join(dir.path, 'central');
let port: number;
let central: RunningProcess | undefined;
let centralDb: Kysely<CentralDatabase>;
const kiosks: Array<{ core: KioskCore; call: ReturnType<typeof createDispatcher> }> = [];
/** Central's stdout and stderr of every run so far. */
const centralLogs: string[] = [];
const kioskConsole: string[] = [];

/** Central's database: its SQLite file, or in the postgres project a database of its own there. */
let database: string | undefined;
const start = async () => {
  // Every request logged (level info), so a number in any log line would be seen.
  central = await startCentralProcess(centralData, port, {
    PSH_CENTRAL_LOG_LEVEL: 'info',
    ...(database ? { PSH_CENTRAL_DB: database } : {}),
  });
};
const stopCentral = async () => {
  await central?.stop();
  centralLogs.push(central?.output() ?? '');
  central = undefined;
};

beforeAll(async () => {
  // The kiosk cores log through console (warnings, quarantine, sync errors): every call is kept to grep.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      kioskConsole.push(args.map(String).join(' '));
    });
  }
  port = await freePort();
  database = await testDatabase(centralData);
  await start();
  centralDb = await openCentralDb(centralData, database);
  for (const name of ['a', 'b']) {
    // One single-use token per kiosk.
    const { token } = await createEnrolmentToken(centralDb, TOKEN_BRANCH, 1);
    const core = createKioskCore(
      KioskConfig.parse({
        kioskId: `votes-${name}`,
        branchId: TOKEN_BRANCH,
        desk: { id: 'desk-1', services: ['civil-registry'] },
        central: {
          url: `http://127.0.0.1:${port}`,
          enrolmentToken: token,
          syncIntervalMs: 3_600_000,
          backoffBaseMs: 50,
          backoffCapMs: 200,
          healthProbeMs: 100,
        },
        starterContent: DEMO_CONTENT_FILE,
        dataDir: join(dir.path, `kiosk-${name}`),
      }),
    );
    await core.sync.syncNow(); // enrolled: holds Central's sealing key
    kiosks.push({ core, call: createDispatcher(createKioskHandlers(core)) });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  for (const { core } of kiosks) await core.close();
  await centralDb.destroy();
  await stopCentral();
  dir.remove();
});

const value = <T>(result: Awaited<ReturnType<ReturnType<typeof createDispatcher>>>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} (${result.error.field ?? ''})`);
  return result.value as T;
};
const session = async (kiosk: (typeof kiosks)[number]) =>
  value<{ sessionId: string }>(await kiosk.call('session.start', { language: 'ka' })).sessionId;

describe('verified votes', () => {
  it('refuses a malformed personal number with a clear message and queues nothing', async () => {
    const [a] = kiosks;
    if (!a) throw new Error('no kiosk');
    const before = a.core.outbox.counts();
    for (const bad of ['0102408592', '010240859270', '0102408592A', 'abcdefghijk', '']) {
      const sessionId = await session(a);
      const result = await a.call('vote.submit', { sessionId, ballotId: demoBallot.id, choices: ['queue-sms'], personalNumber: bad });
      expect(result).toEqual({
        ok: false,
        error: { code: 'bad-request', message: 'A personal number has 11 digits', field: 'personalNumber' },
      });
    }
    const sessionId = await session(a);
    expect(await a.call('vote.submit', { sessionId, ballotId: demoBallot.id, choices: ['queue-sms'] })).toMatchObject({
      ok: false,
      error: { field: 'personalNumber' },
    });
    expect(a.core.outbox.counts()).toEqual(before);
  });

  it('counts one vote per person across two kiosks that voted offline, whatever order they sync in; the number is nowhere', async () => {
    const [a, b] = kiosks;
    if (!a || !b) throw new Error('no kiosks');
    await stopCentral();
    // The same person votes on kiosk A, then on kiosk B (other choices), both offline.
    value(
      await a.call('vote.submit', {
        sessionId: await session(a),
        ballotId: demoBallot.id,
        choices: ['step-free', 'queue-sms'],
        personalNumber: NUMBER,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    value(
      await b.call('vote.submit', {
        sessionId: await session(b),
        ballotId: demoBallot.id,
        choices: ['child-corner'],
        personalNumber: NUMBER,
      }),
    );
    // Someone else, on kiosk B.
    value(
      await b.call('vote.submit', {
        sessionId: await session(b),
        ballotId: demoBallot.id,
        choices: ['step-free'],
        personalNumber: '33001022334',
      }),
    );
    // A second vote in the same kiosk session is refused on the kiosk itself.
    const sessionId = await session(a);
    value(await a.call('vote.submit', { sessionId, ballotId: demoBallot.id, choices: ['plain-forms'], personalNumber: '45001022334' }));
    expect(
      await a.call('vote.submit', { sessionId, ballotId: demoBallot.id, choices: ['plain-forms'], personalNumber: '45001022335' }),
    ).toMatchObject({ ok: false, error: { field: 'ballotId' } });

    // Central comes back; B (the later vote) syncs first, then A.
    await start();
    for (const kiosk of [b, a]) {
      for (let round = 0; round < 5 && kiosk.core.sync.status().pending > 0; round += 1) await kiosk.core.sync.syncNow();
      expect(kiosk.core.sync.status()).toMatchObject({ pending: 0, dead: 0 });
    }
    const tally = await ballotTally(centralDb, demoBallot);
    expect(tally).toMatchObject({ votes: 3, duplicates: 1 });
    const votes = Object.fromEntries(tally.initiatives.map((initiative) => [initiative.id, initiative.votes]));
    // A's earlier vote counts (step-free, queue-sms), B's later one (child-corner) is the duplicate.
    expect(votes).toEqual({
      'step-free': 2,
      'queue-sms': 1,
      'plain-forms': 1,
      'child-corner': 0,
      'saturday-hours': 0,
      'village-kiosks': 0,
    });

    // Nowhere in clear: not in any file of either kiosk or of Central, not in any log line.
    for (const { core } of kiosks) core.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const folder of ['kiosk-a', 'kiosk-b', 'central']) expect(filesContaining(join(dir.path, folder), NUMBER)).toEqual([]);
    // On PostgreSQL Central's rows are not in its folder: every row of its database, dumped as text (the votes are there).
    if (database) {
      const { stdout: rows } = await promisify(execFile)(join(postgresBinDir() ?? '', 'pg_dump'), ['--data-only', '-d', database], {
        maxBuffer: 64 << 20,
      });
      expect(rows).toContain(demoBallot.id);
      expect(rows).not.toContain(NUMBER);
    }
    await stopCentral(); // its whole log, flushed
    const centralLog = centralLogs.join('\n');
    // The log is really there (requests of both kiosks), so the next line can fail.
    expect(centralLog).toMatch(/\/api\/kiosk\/submissions/);
    expect(centralLog.includes(NUMBER)).toBe(false);
    expect(kioskConsole.filter((line) => line.includes(NUMBER))).toEqual([]);
    expect(kiosks.map(({ core }) => core.db.prepare('SELECT count(*) FROM sealed_personal').pluck().get())).toEqual([0, 0]);
  });

  it('refuses more choices than the ballot allows, naming the field', async () => {
    const [a] = kiosks;
    if (!a) throw new Error('no kiosk');
    const sessionId = await session(a);
    expect(
      await a.call('vote.submit', {
        sessionId,
        ballotId: demoBallot.id,
        choices: ['step-free', 'queue-sms', 'child-corner'],
        personalNumber: NUMBER,
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'choices', message: 'At most 2 choices' },
    });
  });
});
