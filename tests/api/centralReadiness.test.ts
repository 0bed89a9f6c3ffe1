import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openCentralDb, postgresPoolOf } from '../../sync/central/db/openCentralDb.js';
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

describe("a connection of Central's pool that PostgreSQL drops while a request holds it", () => {
  it('fails that request only: the process lives on and the pool opens a new connection', async () => {
    const poolDir = makeTempDir('central-pool-reset');
    const database = await testDatabase(poolDir.path);
    if (!database) throw new Error('this suite runs in the postgres project only');
    const db = await openCentralDb(poolDir.path, database);
    const client = await postgresPoolOf(db).connect();
    let released = false;
    try {
      // Between two queries of a transaction, as ingest's group commit or a Kysely transaction holds it. Without a
      // listener of its own, the client's 'error' event would be uncaught and end the process (it did, in the fleet
      // simulation, when PostgreSQL restarted: both Centrals exited).
      expect(client.listenerCount('error')).toBeGreaterThan(0);
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const admin = new pg.Client({ connectionString: database });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
      await admin.end();
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      released = true;
      // The next request gets a new connection.
      expect(await db.selectFrom('branches').select('id').execute()).toBeInstanceOf(Array);
    } finally {
      if (!released) client.release(true);
      await db.destroy();
      poolDir.remove();
    }
  });
});
