import { describe, expect, it, vi } from 'vitest';
import { runFleetSim } from '../../scripts/fleet/fleetSim.js';

// The fleet simulation, short (issue #34): 60 kiosks in 15 branches and 100 phones, a two-minute branch day,
// against two compiled Centrals (dist/node, built by `npm test` before this runs) on one PostgreSQL behind a real
// HAProxy, with one Central killed, PostgreSQL restarted and the other Central dropped by the proxy on the way.
// The full one is `npm run fleet-sim` (docs/capacity.md), or this file with SOAK=1.
const SOAK = process.env.SOAK === '1';

describe('a branch day of the fleet, through the proxy', () => {
  it(
    'loses nothing, stores and counts nothing twice, and keeps one consistent record, through a killed Central and a restarted PostgreSQL',
    { timeout: (SOAK ? 25 : 6) * 60_000 },
    async () => {
      const lines: string[] = [];
      // Kiosks warn of every failed round while Centrals go down, which is the point here: kept off the test's output.
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
        vi.spyOn(console, method).mockImplementation(() => undefined);
      const run = await runFleetSim({
        kiosks: SOAK ? 360 : 60,
        branches: SOAK ? 90 : 15,
        dayMs: (SOAK ? 10 : 2) * 60_000,
        visitsPerKiosk: 12,
        phones: SOAK ? 400 : 100,
        sharedPhoneShare: 0.5,
        offlineShare: 0.2,
        faults: true,
        seed: 7,
        fsync: false,
        drainMs: 90_000,
        log: (line) => lines.push(line),
      }).finally(() => vi.restoreAllMocks());
      const figures = Object.fromEntries(run.figures.map((figure) => [figure.name, figure.value]));
      process.stdout.write(`${lines.join('\n')}\nfleet: ${JSON.stringify(figures)}\n`);

      expect(run.day.faults.map((fault) => fault.replace(/^[\d.]+ s: /, ''))).toEqual([
        'Central 0 killed (SIGKILL)',
        'Central 0 started again',
        'PostgreSQL stopped as a crash stops it, and started again',
        'the proxy takes Central 1 out of rotation',
        'the proxy puts Central 1 back',
      ]);
      // No Central exited on its own (the simulation restarts one that does, as systemd would, and says so).
      expect(run.unplannedExits).toEqual([]);
      // Every visitor was told "saved", and every one of those is at Central, once.
      expect(run.day.failedVisits).toEqual([]);
      expect(run.day.saved.length).toBeGreaterThan(0.9 * 60 * 12);
      expect(run.audit.problems).toEqual([]);
      expect(run.audit.lost).toBe(0);
      expect(run.audit.duplicated).toBe(0);
      expect(run.audit.votersUncounted).toBe(0);
      expect(run.attachmentsPending).toBe(0);
      // One record: every checkpoint a prefix of the log, verified from outside, witnessed by kiosks, with no evidence against it.
      expect(run.audit.checkpointsConsistent).toBe(true);
      expect(run.audit.witnesses).toBeGreaterThan(30);
      expect(run.kioskEvidence).toEqual([]);
      // The kiosks that were offline caught up after the day; phones and staff got through the faults.
      expect(run.drainedInMs).toBeLessThan(90_000);
      expect(figures['fleet.phones_finished']).toBeGreaterThanOrEqual(0.95);
      expect(run.day.phones.filter((phone) => phone.shared).length).toBeGreaterThan(20);
      expect(run.audit.entryKinds['feedback.answered']).toBeGreaterThan(0);
    },
  );
});
