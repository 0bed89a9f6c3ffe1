import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Results staff chose to publish (surveys and ballots); the public results pages list only these.
  await db.schema
    .createTable('published_results')
    .addColumn('kind', 'text', (c) => c.notNull()) // survey | ballot
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_results_pk', ['kind', 'content_id'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
