import { seededRandom } from '../../sync/node/seededRandom.js';
import { momentOfDay, planKioskDay, planOffline } from './branchDay.js';
import type { FleetBranch } from './fleetKiosks.js';
import type { FleetCentrals } from './fleetCentrals.js';
import { phoneVisit, type PhoneOutcome } from './phoneVisitors.js';
import type { SavedVisit, SimKiosk } from './simKiosk.js';

export interface DayPlan {
  readonly dayMs: number;
  readonly visitsPerKiosk: number;
  readonly phones: number;
  /** Of the phones, the share behind one mobile operator's address; the rest each on its own. */
  readonly sharedPhoneShare: number;
  readonly offlineShare: number;
  readonly faults: boolean;
  readonly seed: number;
}

export interface DayOutcome {
  readonly saved: SavedVisit[];
  readonly failedVisits: string[];
  readonly phones: PhoneOutcome[];
  /** Each kiosk's offline spell, ms since the epoch. */
  readonly offline: Map<string, { from: number; to: number }>;
  readonly faults: string[];
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
/** One in twenty voters votes again at another kiosk of the day: exactly one of the two may count. */
const SECOND_VOTE_SHARE = 0.05;

/** A kiosk's day: its visitors at their moments, its line cut for its offline spell. */
async function kioskDay(kiosk: SimKiosk, plan: DayPlan, start: number, random: () => number, voters: string[], outcome: DayOutcome) {
  const spell = planOffline(plan.dayMs, random, plan.offlineShare);
  if (spell) {
    outcome.offline.set(kiosk.id, { from: start + spell.from, to: start + spell.to });
    void sleepUntil(start + spell.from).then(() => kiosk.link.online(false));
    void sleepUntil(start + spell.to).then(() => kiosk.link.online(true));
  }
  for (const { at, kind } of planKioskDay(plan.visitsPerKiosk, plan.dayMs, random)) {
    await sleepUntil(start + at);
    let voter: string | undefined;
    if (kind === 'vote') {
      const again = voters.length > 0 && random() < SECOND_VOTE_SHARE;
      voter = again ? voters[Math.floor(random() * voters.length)] : String(10_000_000_000 + voters.length);
      if (!again && voter) voters.push(voter);
    }
    try {
      outcome.saved.push(await kiosk.visit(kind, voter));
    } catch (error) {
      outcome.failedVisits.push(`${kiosk.id} ${kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The phones of the day: each at a random branch's desk, at a moment that follows the day's shape. */
async function phoneDay(proxyUrl: string, branches: readonly FleetBranch[], plan: DayPlan, start: number, outcome: DayOutcome) {
  const random = seededRandom(plan.seed + 1);
  const visits = Array.from({ length: plan.phones }, (_, index) => {
    const shared = random() < plan.sharedPhoneShare;
    // 127.3.0.1: one mobile operator's NAT; 127.4.x.y: a phone on its own address.
    const address = shared ? '127.3.0.1' : `127.4.${String(Math.floor(index / 250))}.${String(1 + (index % 250))}`;
    const desk = branches[Math.floor(random() * branches.length)]?.deskCode ?? '';
    return {
      at: momentOfDay(random) * plan.dayMs,
      kind: random() < 0.7 ? ('rating' as const) : ('survey' as const),
      address,
      shared,
      desk,
    };
  });
  await Promise.all(
    visits.map(async (visit) => {
      await sleepUntil(start + visit.at);
      outcome.phones.push(await phoneVisit(proxyUrl, visit.desk, visit.kind, visit.address, visit.shared));
    }),
  );
}

/**
 * What goes wrong in a national deployment's day, at fixed moments of it: a
 * Central killed (SIGKILL) at a quarter and started again, PostgreSQL
 * stopped as a crash stops it at half, and the proxy taking the other
 * Central out of rotation for a minute (or a fifth of a short day) at 70%.
 */
async function faultDay(centrals: FleetCentrals, plan: DayPlan, start: number, outcome: DayOutcome) {
  const note = (what: string) => outcome.faults.push(`${((Date.now() - start) / 1000).toFixed(1)} s: ${what}`);
  await sleepUntil(start + 0.25 * plan.dayMs);
  await centrals.kill(0);
  note('Central 0 killed (SIGKILL)');
  await sleepUntil(Date.now() + Math.max(5_000, 0.05 * plan.dayMs));
  await centrals.restart(0);
  note('Central 0 started again');
  await sleepUntil(start + 0.5 * plan.dayMs);
  await centrals.cluster.restart('immediate');
  note('PostgreSQL stopped as a crash stops it, and started again');
  await sleepUntil(start + 0.7 * plan.dayMs);
  await centrals.proxy.setServer(1, 'maint');
  note('the proxy takes Central 1 out of rotation');
  await sleepUntil(Date.now() + Math.min(60_000, 0.2 * plan.dayMs));
  await centrals.proxy.setServer(1, 'ready');
  note('the proxy puts Central 1 back');
}

/** The whole day, compressed into `plan.dayMs`: every kiosk, every phone and the faults, at once. */
export async function runFleetDay(
  kiosks: readonly SimKiosk[],
  branches: readonly FleetBranch[],
  centrals: FleetCentrals,
  plan: DayPlan,
): Promise<DayOutcome> {
  const outcome: DayOutcome = { saved: [], failedVisits: [], phones: [], offline: new Map(), faults: [] };
  const random = seededRandom(plan.seed);
  const voters: string[] = [];
  const start = Date.now();
  await Promise.all([
    ...kiosks.map((kiosk) => kioskDay(kiosk, plan, start, seededRandom(Math.floor(random() * 2 ** 32)), voters, outcome)),
    phoneDay(centrals.proxy.url, branches, plan, start, outcome),
    plan.faults ? faultDay(centrals, plan, start, outcome) : Promise.resolve(),
  ]);
  return outcome;
}
