import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchSummary, describeResult } from '../bench/judge.js';
import { runFleetSim } from './fleetSim.js';

// `npm run fleet-sim [-- --kiosks 360 --minutes 10 --visits 12 --phones 400 --seed 1]`: a branch day of the
// whole country (docs/capacity.md), compressed into minutes. Prints each figure against its limit, writes
// var/fleet/results.json, and ends with the benchmarks' line: `bench: N within limits, M over`.
const { values } = parseArgs({
  options: {
    kiosks: { type: 'string', default: '360' },
    branches: { type: 'string' },
    minutes: { type: 'string', default: '10' },
    visits: { type: 'string', default: '12' },
    phones: { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
    'no-faults': { type: 'boolean', default: false },
    'keep-day': { type: 'string' },
  },
});

const whole = (name: keyof typeof values, atLeast: number): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < atLeast) {
    console.error(`fleet-sim: --${name} must be a whole number of at least ${String(atLeast)} (got ${String(values[name])})`);
    process.exit(2);
  }
  return value;
};

const kiosks = whole('kiosks', 1);
const run = await runFleetSim({
  kiosks,
  branches: values.branches === undefined ? Math.max(1, Math.ceil(kiosks / 4)) : whole('branches', 1),
  dayMs: whole('minutes', 1) * 60_000,
  visitsPerKiosk: whole('visits', 1),
  phones: whole('phones', 0),
  sharedPhoneShare: 0.5,
  offlineShare: 0.2,
  faults: !values['no-faults'],
  seed: whole('seed', 0),
  fsync: true,
  drainMs: 180_000,
  log: (line) => console.log(line),
  keepDay: values['keep-day'],
});
mkdirSync('var/fleet', { recursive: true });
writeFileSync('var/fleet/results.json', `${JSON.stringify(run.figures, null, 2)}\n`);
console.log(
  `fleet: ${String(run.day.saved.length)} kiosk submissions, ${String(run.day.phones.length)} phone visitors, ` +
    `${String(run.audit.entries)} record entries, ${String(run.audit.checkpoints)} checkpoints cosigned by ${String(run.audit.witnesses)} kiosks, ` +
    `drained in ${(run.drainedInMs / 1000).toFixed(1)} s`,
);
console.log(
  `fleet: the day added to PostgreSQL: ${run.tablesAdded
    .slice(0, 8)
    .map((table) => `${table.table} ${String(table.rows)} rows ${(table.bytes / 1e6).toFixed(2)} MB`)
    .join(', ')}`,
);
console.log(`fleet: the record's entries by kind: ${JSON.stringify(run.audit.entryKinds)}`);
for (const problem of [
  ...run.unplannedExits,
  ...run.kioskEvidence,
  ...run.audit.problems,
  ...run.day.failedVisits.slice(0, 10),
  ...run.staffFailures.slice(0, 10),
])
  console.log(`  ${problem}`);
console.log('');
for (const figure of run.figures) console.log(describeResult(figure));
console.log(benchSummary(run.figures));
