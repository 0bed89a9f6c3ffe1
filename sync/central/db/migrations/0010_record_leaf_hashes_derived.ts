import { sql, type Kysely } from 'kysely';
import { dropAppendOnlyGuard, guardAppendOnly } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The record's leaf hashes are derived from the entries from now on (recordTree.ts), not stored: the
  // rows written by 0009's appends go. They are an index of the entries, not the record: the entries and
  // every hash from level 1 up stay as they were. The append-only guard is lifted for this one
  // statement, inside the migration's transaction, and put back as it was.
  await dropAppendOnlyGuard(db, 'record_hashes', 'DELETE');
  await sql`DELETE FROM record_hashes WHERE level = 0`.execute(db);
  await guardAppendOnly(db, 'record_hashes', 'DELETE');
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
