import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What a staff member chose to be told of (issue #32): a comma list of STAFF_NOTICES; null keeps their role's default.
  await db.schema.alterTable('staff_users').addColumn('notices', 'text').execute();
  // The team a responder works in: told when feedback is assigned to it (null: every team of their branch).
  await db.schema.alterTable('staff_users').addColumn('team', 'text').execute();
  // The citizen who proposed a service asked to be told when it is decided (a proposal's contact is only for that).
  await db.schema
    .alterTable('proposals')
    .addColumn('notify', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}
