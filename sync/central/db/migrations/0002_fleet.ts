import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_heartbeats')
    .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('queue_depth', 'integer', (c) => c.notNull())
    .addColumn('oldest_pending_age_sec', 'real')
    .addColumn('dead_letters', 'integer', (c) => c.notNull())
    .addColumn('last_sync_at', 'text')
    .addColumn('free_disk_bytes', 'integer')
    .execute();
  await db.schema
    .createTable('device_alerts')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_alerts_pk', ['device_id', 'id'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
