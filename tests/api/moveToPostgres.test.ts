import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { startCentral } from '../../sync/central/startCentral.js';
import { freePort } from '../support/freePort.js';
import { PUBLIC_PAGES, publicSnapshot as snapshot } from '../support/publicSnapshot.js';
import { makeTempDir } from '../support/tempDir.js';
import { testDatabase } from '../support/testCentral.js';

// An existing Central on SQLite, with the demo's staff, feedback, results and public record, moved to
// PostgreSQL with the operator's command. Only in the `postgres` project.
const ROOT = join(import.meta.dirname, '..', '..');
const dir = makeTempDir('move-to-postgres');
afterAll(() => dir.remove());

const central = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'sync/central/cli.ts'), ...args], { cwd: ROOT });

describe('moving a Central from SQLite to PostgreSQL', () => {
  it(
    'keeps every public page and figure byte for byte, and refuses to move into a database that holds data',
    { timeout: 120_000 },
    async () => {
      const dataDir = join(dir.path, 'central');
      // One port for both: pages name their own address (the verifier's command line).
      const port = await freePort();
      const onSqlite = await startCentral({ dataDir, port, starterContent: demoContentPack, demoData: true });
      // The record's checkpoint is signed now, so both Centrals serve the same one.
      await fetch(`${onSqlite.url}/record/checkpoint`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const before = await snapshot(onSqlite.url);
      await onSqlite.close();

      const database = await testDatabase(dataDir);
      if (!database) throw new Error('this suite runs in the postgres project only');
      const { stdout } = await central('move-to-postgres', '--data', dataDir, '--db', database);
      expect(stdout).toMatch(/Moved \d+ rows in \d+ tables/);

      const onPostgres = await startCentral({ dataDir, port, database });
      try {
        const after = await snapshot(onPostgres.url);
        for (const path of PUBLIC_PAGES) expect(after[path], path).toBe(before[path]);
        expect(Object.entries(before).filter(([, page]) => !page.startsWith('200 '))).toEqual([]);
      } finally {
        await onPostgres.close();
      }

      await expect(central('move-to-postgres', '--data', dataDir, '--db', database)).rejects.toThrow(/already holds rows in "/);
    },
  );
});
