import { createHash } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { startCentral as startRealCentral, type RunningCentral, type StartCentralOptions } from '../../sync/central/startCentral.js';

/** Set by vitest's `postgres` project: the Central suites run again with Central on PostgreSQL. */
export const centralOnPostgres = (): boolean => process.env.PSH_TEST_CENTRAL_ENGINE === 'postgres';

/**
 * The database of the Central whose data folder is `dataDir`: none on SQLite
 * (the file lives in the folder); on PostgreSQL one named after the folder, so
 * a test that stops a Central and starts it again on the same folder finds the
 * same data, as it would on SQLite.
 */
export async function testDatabase(dataDir: string): Promise<string | undefined> {
  if (!centralOnPostgres()) return undefined;
  const admin = inject('postgresAdminUrl');
  const name = `psh_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** startCentral for the Central suites: on the engine the test project names. */
export async function startCentral(options: StartCentralOptions): Promise<RunningCentral> {
  return startRealCentral({ ...options, database: options.database ?? (await testDatabase(options.dataDir)) });
}
