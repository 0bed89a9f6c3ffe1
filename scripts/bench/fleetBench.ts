import { runFleetSim } from '../fleet/fleetSim.js';
import type { BenchResult } from './stats.js';

/**
 * The fleet simulation's figures (issue #34), at a third of the country: 120
 * kiosks in 30 branches and 150 phones, a three-minute branch day, PostgreSQL
 * with fsync on, the faults included. `npm run fleet-sim` runs the whole
 * country (360 kiosks); docs/capacity.md reads both.
 */
export async function benchFleet(): Promise<BenchResult[]> {
  const run = await runFleetSim({
    kiosks: 120,
    branches: 30,
    dayMs: 3 * 60_000,
    visitsPerKiosk: 12,
    phones: 150,
    sharedPhoneShare: 0.5,
    offlineShare: 0.2,
    faults: true,
    seed: 3,
    fsync: true,
    drainMs: 120_000,
    log: (line) => console.log(line),
  });
  for (const problem of [...run.unplannedExits, ...run.kioskEvidence, ...run.audit.problems]) console.log(`  fleet: ${problem}`);
  return run.figures;
}
