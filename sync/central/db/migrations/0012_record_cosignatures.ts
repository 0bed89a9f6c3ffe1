import type { Kysely } from 'kysely';
import { withoutRowid, guardAppendOnly } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Kiosks' cosignatures (C2SP cosignature/v1) of the checkpoints Central signed: one per kiosk and
  // checkpoint, served as extra signature lines of that checkpoint. Append-only like the record.
  await db.schema
    .createTable('record_cosignatures')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'integer', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_cosignatures_pk', ['size', 'device_id'])
    .$call(withoutRowid(db))
    .execute();
  for (const action of ['UPDATE', 'DELETE'] as const) {
    await guardAppendOnly(db, 'record_cosignatures', action);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
