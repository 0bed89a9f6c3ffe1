import { sql, type Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What Central holds per device (count, highest seq), kept by the ingest transaction itself, so
  // reconciliation reads one row and no second index on submissions has to be kept up on every insert.
  await db.schema
    .alterTable('devices')
    .addColumn('held_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('devices')
    .addColumn('max_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE devices SET
      held_count = (SELECT count(*) FROM submissions s WHERE s.device_id = devices.id),
      max_seq = coalesce((SELECT max(seq) FROM submissions s WHERE s.device_id = devices.id), 0)`.execute(db);
  await db.schema.dropIndex('submissions_device_seq').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
