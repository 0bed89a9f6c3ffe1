import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { afterAll, beforeAll } from 'vitest';
import { startCentral } from './testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { makeTempDir } from './tempDir.js';

/**
 * A real Central on an ephemeral loopback port with its own temp SQLite file,
 * started before the file's tests and removed after them. Returns a getter.
 */
export function useCentral(prefix: string): () => RunningCentral {
  let central: RunningCentral | undefined;
  const dir = makeTempDir(prefix);
  beforeAll(async () => {
    central = await startCentral({ starterContent: demoContentPack, dataDir: dir.path });
  });
  afterAll(async () => {
    await central?.close();
    dir.remove();
  });
  return () => {
    if (!central) throw new Error('Central is not running yet');
    return central;
  };
}
