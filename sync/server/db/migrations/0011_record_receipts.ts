import { sql, type Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Where each receipt's entry is in the public record: the entry already carries the lookup hash
  // (sync/record/receipt.ts), so this is an index of public data, for the receipt page. Append-only like the record.
  await db.schema
    .createTable('record_receipts')
    .addColumn('lookup', 'text', (c) => c.primaryKey())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  for (const action of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER record_receipts_no_${action.toLowerCase()} BEFORE ${action} ON record_receipts ` +
          `BEGIN SELECT RAISE(ABORT, 'the public record is append-only: ${action} on record_receipts refused'); END`,
      )
      .execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
