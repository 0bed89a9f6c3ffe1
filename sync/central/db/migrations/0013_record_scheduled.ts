import type { Kysely } from 'kysely';
import { withoutRowid } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Events of the public record that a time triggers rather than an action (a survey's or ballot's
  // closing time, a feedback's 24 hours passing unanswered): which were appended, so each is appended once.
  await db.schema
    .createTable('record_scheduled')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('appended_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_scheduled_pk', ['kind', 'key'])
    .$call(withoutRowid(db))
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
