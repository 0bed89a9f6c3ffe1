import type { Kysely } from 'kysely';
import { withoutRowid, guardAppendOnly } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Where each receipt's entry is in the public record: the entry already carries the lookup hash
  // (sync/record/receipt.ts), so this is an index of public data, for the receipt page. Append-only like the record.
  await db.schema
    .createTable('record_receipts')
    .addColumn('lookup', 'text', (c) => c.primaryKey())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .$call(withoutRowid(db))
    .execute();
  for (const action of ['UPDATE', 'DELETE'] as const) {
    await guardAppendOnly(db, 'record_receipts', action);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
