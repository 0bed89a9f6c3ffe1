import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { makeTempDir } from '../support/tempDir.js';
import { startCentral, testDatabase } from '../support/testCentral.js';

// Readiness for the reverse proxy in front of several Centrals. Only in the `postgres` project: there
// the database is a server that can go away under a running Central.
const dir = makeTempDir('central-readiness');
afterAll(() => dir.remove());

describe('/api/ready', () => {
  it('answers ready while the database answers, and 503 naming it once the database is gone, while /api/health stays up', async () => {
    const database = await testDatabase(dir.path);
    if (!database) throw new Error('this suite runs in the postgres project only');
    const central = await startCentral({ dataDir: dir.path, database });
    try {
      const ready = await fetch(`${central.url}/api/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
      await admin.connect();
      await admin.query(`DROP DATABASE ${new URL(database).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
      const gone = await fetch(`${central.url}/api/ready`);
      expect(gone.status).toBe(503);
      expect(gone.headers.get('retry-after')).toBe('5');
      expect(await gone.json()).toEqual({ status: 'unavailable', reason: 'the database does not answer' });
      expect((await fetch(`${central.url}/api/health`)).status).toBe(200);
    } finally {
      await central.close();
    }
  });
});
