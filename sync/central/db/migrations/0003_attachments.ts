import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('submission_attachments')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('upload_id', 'text')
    .addColumn('received_at', 'text')
    .addPrimaryKeyConstraint('submission_attachments_pk', ['device_id', 'submission_id', 'name'])
    .execute();
  // A submission is complete when this reaches 0: every declared file arrived with its sha256.
  await db.schema
    .alterTable('submissions')
    .addColumn('attachments_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
