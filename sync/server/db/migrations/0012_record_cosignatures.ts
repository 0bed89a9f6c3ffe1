import { sql, type Kysely } from 'kysely';

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
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  for (const action of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER record_cosignatures_no_${action.toLowerCase()} BEFORE ${action} ON record_cosignatures ` +
          `BEGIN SELECT RAISE(ABORT, 'the public record is append-only: ${action} on record_cosignatures refused'); END`,
      )
      .execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
