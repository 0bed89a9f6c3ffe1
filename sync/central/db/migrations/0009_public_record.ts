import type { Kysely } from 'kysely';
import { withoutRowid, guardAppendOnly } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The public record (issue #15): entries (canonical JSON), the hashes of the complete subtrees of their
  // RFC 6962 tree, and every checkpoint Central signed. Append-only, and the database itself says so.
  await db.schema
    .createTable('record_entries')
    .addColumn('idx', 'integer', (c) => c.primaryKey())
    .addColumn('entry', 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('record_hashes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_hashes_pk', ['level', 'idx'])
    .$call(withoutRowid(db))
    .execute();
  await db.schema
    .createTable('record_checkpoints')
    .addColumn('size', 'integer', (c) => c.primaryKey())
    .addColumn('root', 'blob', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['record_entries', 'record_hashes', 'record_checkpoints']) {
    for (const action of ['UPDATE', 'DELETE'] as const) {
      await guardAppendOnly(db, table, action);
    }
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
