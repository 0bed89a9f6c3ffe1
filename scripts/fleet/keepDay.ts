import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { postgresBinDir } from '../../tests/support/postgresCluster.js';
import type { TableSize } from './databaseGrowth.js';

const run = promisify(execFile);

/** Where a kept day is: the database as `pg_dump -Fc` wrote it, and what the day added to each table. */
export const keptDayFiles = (prefix: string) => ({ dump: `${prefix}.dump`, tables: `${prefix}.json` });

/**
 * Keeps the simulated day's PostgreSQL database (`fleet-sim --keep-day PREFIX`):
 * the seed from which `npm run capacity:years` grows years of it.
 */
export async function keepDay(prefix: string, databaseUrl: string, tablesAdded: readonly TableSize[]): Promise<void> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('fleet-sim --keep-day: PostgreSQL is not installed');
  const files = keptDayFiles(prefix);
  mkdirSync(dirname(files.dump), { recursive: true });
  await run(join(bin, 'pg_dump'), ['-Fc', '-f', files.dump, '-d', databaseUrl]);
  writeFileSync(files.tables, `${JSON.stringify(tablesAdded, null, 2)}\n`);
}
