import type { Kysely } from 'kysely';
import { withoutRowid } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Rate limits that every Central process shares (issue #34): one row per route and address, its window's
  // start (ms since the epoch) and the requests counted in it. Kept small: expired rows are deleted as it runs.
  await db.schema
    .createTable('rate_limit_buckets')
    .addColumn('bucket', 'text', (column) => column.primaryKey())
    .addColumn('window_start', 'bigint', (column) => column.notNull())
    .addColumn('hits', 'integer', (column) => column.notNull())
    .$call(withoutRowid(db))
    .execute();
}
