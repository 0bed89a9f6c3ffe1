import { join } from 'node:path';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import type { BenchResult } from '../bench/stats.js';
import { databaseSize, growth, type TableSize } from './databaseGrowth.js';
import { keepDay } from './keepDay.js';
import { auditFleet, type FleetAudit } from './fleetChecks.js';
import { startFleetCentrals, type FleetCentrals } from './fleetCentrals.js';
import { runFleetDay, type DayOutcome, type DayPlan } from './fleetDay.js';
import { fleetFigures } from './fleetFigures.js';
import { addFleetBranches, fileMicrophone, startFleetKiosks, type FleetBranch } from './fleetKiosks.js';
import { closePhoneAgents } from './phoneVisitors.js';
import { measurePlainIngest } from './plainIngest.js';
import type { SimKiosk } from './simKiosk.js';
import { startStaffDay } from './staffAtWork.js';

export interface FleetOptions extends DayPlan {
  readonly kiosks: number;
  readonly branches: number;
  /** PostgreSQL's fsync: on for the figures a deployment would see; off where only correctness is asked (the test). */
  readonly fsync: boolean;
  /** How long the kiosks may take to send what is left after the day, before the run says so. */
  readonly drainMs: number;
  readonly log: (line: string) => void;
  /** Keep the day's database as PREFIX.dump and what it added as PREFIX.json (`--keep-day`), for `npm run capacity:years`. */
  readonly keepDay?: string | undefined;
}

export interface FleetRun {
  readonly figures: BenchResult[];
  readonly audit: FleetAudit;
  readonly day: DayOutcome;
  /** What kiosks kept as evidence against a checkpoint, each with the kiosk's id: goal none. */
  readonly kioskEvidence: readonly string[];
  readonly attachmentsPending: number;
  /** What the day added to PostgreSQL, table by table, the largest first. */
  readonly tablesAdded: readonly TableSize[];
  readonly staffFailures: readonly string[];
  /** Centrals that exited without being told to (restarted at once, as their supervisor would): goal none. */
  readonly unplannedExits: readonly string[];
  readonly drainedInMs: number;
}

const STAFF = { user: 'fleet-responder', password: 'a long enough fleet password 42' };
const pendingOf = (kiosks: readonly SimKiosk[]) => kiosks.reduce((sum, kiosk) => sum + kiosk.core.sync.status().pending, 0);

/** After the day: every line up, and the kiosks' own timers send what they still hold. */
async function drain(kiosks: readonly SimKiosk[], limitMs: number): Promise<number> {
  const started = Date.now();
  for (const kiosk of kiosks) kiosk.link.online(true);
  while (pendingOf(kiosks) > 0 && Date.now() - started < limitMs) await new Promise((resolve) => setTimeout(resolve, 250));
  return Date.now() - started;
}

/** Voice messages Central was told of but has not received yet: goal none once the kiosks drained. */
async function attachmentsPending(centrals: FleetCentrals): Promise<number> {
  const pending = await centrals.db
    .selectFrom('submissions')
    .select(({ fn }) => fn.countAll<string>().as('n'))
    .where('attachments_pending', '>', 0)
    .executeTakeFirst();
  return Number(pending?.n ?? 0);
}

/** What kiosks kept as evidence against a checkpoint they were shown, each with the kiosk's id. */
const evidenceOf = (kiosks: readonly SimKiosk[]) =>
  kiosks.flatMap((kiosk) =>
    kiosk.core.db
      .prepare<[], string>('SELECT reason FROM record_evidence')
      .pluck()
      .all()
      .map((reason) => `${kiosk.id}: ${reason}`),
  );

/** The fleet before its day: branches, enrolled kiosks, the plain-ingest baseline, and a responder at work. */
async function openTheDay(centrals: FleetCentrals, options: FleetOptions, dir: string, kiosks: SimKiosk[]) {
  const inputDevice = fileMicrophone(dir);
  const branches = await addFleetBranches(centrals.db, options.branches);
  const proxyPort = Number(new URL(centrals.proxy.url).port);
  kiosks.push(...(await startFleetKiosks(centrals.db, proxyPort, branches, { kiosks: options.kiosks, dataDir: dir, inputDevice })));
  options.log(`fleet: ${String(kiosks.length)} kiosks enrolled in ${String(branches.length)} branches`);
  const plain = await measurePlainIngest(centrals, join(dir, 'plain-kiosk'));
  await createStaffUser(centrals.db, STAFF.user, STAFF.password, 'admin');
  const staff = await startStaffDay(centrals.proxy.url, STAFF.user, STAFF.password);
  return { branches, plain, staff };
}

/** The day, then the drain, measuring Central's CPU and PostgreSQL's growth over both. */
async function liveTheDay(centrals: FleetCentrals, options: FleetOptions, kiosks: SimKiosk[], branches: readonly FleetBranch[]) {
  const before = await databaseSize(centrals.db);
  centrals.cpu.sample();
  const cpuBefore = centrals.cpu.total();
  const started = Date.now();
  const day = await runFleetDay(kiosks, branches, centrals, options);
  options.log(`fleet: the day ended after ${((Date.now() - started) / 1000).toFixed(0)} s; ${day.faults.join('; ')}`);
  const drainedInMs = await drain(kiosks, options.drainMs);
  options.log(`fleet: ${String(pendingOf(kiosks))} submissions still queued ${(drainedInMs / 1000).toFixed(1)} s after the day`);
  centrals.cpu.sample();
  return { day, drainedInMs, centralCpuS: centrals.cpu.total() - cpuBefore, before };
}

/**
 * `npm run fleet-sim` (and, short, a test of `npm test`): a country's kiosks
 * and phones against two Centrals on one PostgreSQL behind HAProxy, for one
 * branch day compressed into minutes, with a Central killed, PostgreSQL
 * restarted and a Central dropped by the proxy on the way. Everything runs on
 * loopback and is torn down at the end.
 */
export async function runFleetSim(options: FleetOptions): Promise<FleetRun> {
  const dir = makeTempDir('fleet');
  const kiosks: SimKiosk[] = [];
  const savedHome = process.env.HOME;
  let centrals: FleetCentrals | undefined;
  try {
    centrals = await startFleetCentrals(dir.path, { fsync: options.fsync });
    options.log(
      `fleet: PostgreSQL on ${String(centrals.cluster.port)}, Centrals ${centrals.directUrls.join(' ')}, HAProxy ${centrals.proxy.url}`,
    );
    const { branches, plain, staff } = await openTheDay(centrals, options, dir.path, kiosks);
    const { day, drainedInMs, centralCpuS, before } = await liveTheDay(centrals, options, kiosks, branches);
    await staff.stop();
    const audit = await auditFleet(centrals.db, centrals.directUrls[0] ?? '', day.saved);
    const added = growth(before, await databaseSize(centrals.db));
    if (options.keepDay) await keepDay(options.keepDay, centrals.cluster.url('fleet'), added);
    const figures = fleetFigures({
      day,
      audit,
      plain,
      centralCpuS,
      databaseBytesAdded: added.reduce((sum, table) => sum + table.bytes, 0),
      entriesAdded: added.find((table) => table.table === 'record_entries')?.rows ?? 0,
      centrals: centrals.directUrls.length,
      inboxMs: staff.inboxMs,
      dayMs: options.dayMs,
    });
    return {
      figures,
      audit,
      day,
      kioskEvidence: evidenceOf(kiosks),
      attachmentsPending: await attachmentsPending(centrals),
      tablesAdded: added,
      staffFailures: staff.failures,
      unplannedExits: [...centrals.unplannedExits],
      drainedInMs,
    };
  } finally {
    for (const kiosk of kiosks) {
      await kiosk.core.close();
      await kiosk.link.close();
    }
    await closePhoneAgents();
    await centrals?.stop();
    process.env.HOME = savedHome;
    dir.remove();
  }
}
