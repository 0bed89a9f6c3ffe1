import { execFile } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { postgresBinDir } from './postgresCluster.js';
import { centralOnPostgres, testDatabase } from './testCentral.js';

const run = promisify(execFile);
const bin = (tool: string): string => join(postgresBinDir() ?? '/usr/lib/postgresql/15/bin', tool);

/**
 * Backs up the database of the Central in `dataDir` as its operator would: on
 * SQLite a copy of the file (VACUUM INTO while `running` is open, else the file
 * of a stopped Central), on PostgreSQL `pg_dump -Fc` (consistent while it runs).
 */
export async function backUpCentral(dataDir: string, to: string, running?: Kysely<CentralDatabase>): Promise<void> {
  const database = await testDatabase(dataDir);
  if (database) await run(bin('pg_dump'), ['-Fc', '-f', to, '-d', database]);
  else if (running) await sql`VACUUM INTO ${to}`.execute(running);
  else copyFileSync(join(dataDir, 'central.sqlite'), to);
}

/**
 * Puts that backup back in place of what the stopped Central in `dataDir`
 * holds now: the file alone (its -wal and -shm removed), or on PostgreSQL the
 * database dropped, created empty and filled by `pg_restore`.
 */
export async function restoreCentral(dataDir: string, from: string): Promise<void> {
  if (!centralOnPostgres()) {
    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `central.sqlite${suffix}`), { force: true });
    copyFileSync(from, join(dataDir, 'central.sqlite'));
    return;
  }
  const database = await testDatabase(dataDir);
  if (!database) throw new Error('no database for this Central');
  const name = new URL(database).pathname.slice(1);
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  await run(bin('pg_restore'), ['--no-owner', '-d', database, from]);
}
