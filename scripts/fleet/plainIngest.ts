import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskCore } from '../../src-main/core/kioskCore.js';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import type { FleetCentrals } from './fleetCentrals.js';

/** How many ratings the plain run pushes: enough batches that start-up costs vanish. */
const PLAIN_SUBMISSIONS = 2_000;

/**
 * The same Centrals' CPU for plain ingest, measured in the same run, the
 * fleet's baseline: one kiosk, straight to one Central (no proxy, no phones,
 * no staff), pushing a queue of ratings in its usual batches. The fleet's
 * CPU per 1,000 submissions is judged as a ratio to this.
 */
export async function measurePlainIngest(centrals: FleetCentrals, dataDir: string): Promise<{ readonly cpuSPer1k: number }> {
  const { token } = await createEnrolmentToken(centrals.db, 'fleet-0', 1);
  const core = createKioskCore(
    KioskConfig.parse({
      kioskId: 'plain-ingest',
      branchId: 'fleet-0',
      desk: { id: 'fleet-0-desk-1', services: ['civil-registry'] },
      central: { url: centrals.directUrls[0], enrolmentToken: token, syncIntervalMs: 3_600_000 },
      starterContent: DEMO_CONTENT_FILE,
      dataDir,
    }),
  );
  try {
    await core.sync.syncNow(); // enrolled
    for (let n = 0; n < PLAIN_SUBMISSIONS; n += 1) {
      const payload = {
        type: 'rating' as const,
        serviceId: 'civil-registry',
        deskId: 'fleet-0-desk-1',
        score: 1 + (n % 5),
        language: 'ka' as const,
      };
      core.enqueue({ payload, sessionId: null, contentVersion: 1 });
    }
    centrals.cpu.sample();
    const before = centrals.cpu.total();
    const deadline = Date.now() + 120_000;
    while (core.sync.status().pending > 0) {
      if (Date.now() > deadline) throw new Error(`plain ingest: ${String(core.sync.status().pending)} ratings still pending after 120 s`);
      await core.sync.syncNow();
    }
    centrals.cpu.sample();
    return { cpuSPer1k: ((centrals.cpu.total() - before) * 1000) / PLAIN_SUBMISSIONS };
  } finally {
    await core.close();
  }
}
