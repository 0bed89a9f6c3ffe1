import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { join } from 'node:path';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCentralProcess } from './centralProcess.js';

export interface BenchKiosk {
  readonly core: KioskCore;
  /** The kiosk's data folder. */
  readonly dataDir: string;
  readonly stop: () => Promise<void>;
}

/** A kiosk core in this process, enrolled (on first sync) to a compiled Central in its own process, in a temp folder. */
export async function startBenchKiosk(name: string): Promise<BenchKiosk> {
  const dir = makeTempDir(`bench-${name}`);
  const token = `bench-${name}-enrolment-token`.padEnd(24, '0');
  const central = await startCentralProcess(join(dir.path, 'central'), token);
  const dataDir = join(dir.path, 'kiosk');
  const core = createKioskCore(
    KioskConfig.parse({
      kioskId: name,
      branchId: 'b',
      desk: { id: 'd', services: ['civil-registry'] },
      central: { url: central.url, enrolmentToken: token },
      starterContent: DEMO_CONTENT_FILE,
      dataDir,
    }),
  );
  return {
    core,
    dataDir,
    stop: async () => {
      await core.close();
      await central.stop();
      dir.remove();
    },
  };
}
