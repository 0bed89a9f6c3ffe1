import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { startCentral } from '../../sync/central/startCentral.js';
import { freePort } from '../support/freePort.js';
import { postgresBinDir } from '../support/postgresCluster.js';
import { PUBLIC_PAGES, publicSnapshot } from '../support/publicSnapshot.js';
import { makeTempDir } from '../support/tempDir.js';
import { testDatabase } from '../support/testCentral.js';

// The README's backup and restore, as an operator runs them: pg_dump -Fc, pg_restore into an empty
// database, Central started on it with the same data folder. Only in the `postgres` project.
const dir = makeTempDir('postgres-backup');
afterAll(() => dir.remove());
const run = promisify(execFile);

describe('a Central on PostgreSQL backed up and restored', () => {
  it(
    'comes back from pg_dump and pg_restore with every public page the same, its record checked at start',
    { timeout: 120_000 },
    async () => {
      const bin = postgresBinDir();
      if (!bin) throw new Error('PostgreSQL is not installed');
      const dataDir = join(dir.path, 'central');
      const database = await testDatabase(dataDir);
      const restored = await testDatabase(join(dir.path, 'restored'));
      if (!database || !restored) throw new Error('this suite runs in the postgres project only');
      const port = await freePort();
      const original = await startCentral({ dataDir, database, port, starterContent: demoContentPack, demoData: true });
      await fetch(`${original.url}/record/checkpoint`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const before = await publicSnapshot(original.url);
      await original.close();

      const dump = join(dir.path, 'psh-central.dump');
      await run(join(bin, 'pg_dump'), ['-Fc', '-f', dump, '-d', database]);
      await run(join(bin, 'pg_restore'), ['--no-owner', '-d', restored, dump]);

      const back = await startCentral({ dataDir, database: restored, port });
      try {
        const after = await publicSnapshot(back.url);
        for (const path of PUBLIC_PAGES) expect(after[path], path).toBe(before[path]);
      } finally {
        await back.close();
      }
    },
  );
});
