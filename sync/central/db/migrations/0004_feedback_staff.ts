import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The feedback PSH answers within 24 hours, one row per tracking code.
  await db.schema
    .createTable('feedback')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull()) // kiosk | demo
    .addColumn('device_id', 'text')
    .addColumn('submission_id', 'text')
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('has_voice', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_sealed', 'text')
    .addColumn('consent_to_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    // When the 24-hour clock started: the kiosk's claim, never before its previous acknowledged sync, never after arrival.
    .addColumn('clock_start_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('offline_delay_sec', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    // The deadline the inbox sorts by: due_at, or 24 hours after a reopening.
    .addColumn('current_due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // received | in-review | answered | closed | reopened
    .addColumn('team', 'text')
    .addColumn('first_answered_at', 'text')
    .addColumn('last_answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['branch_id', 'service_id', 'kind', 'status'] as const) {
    await db.schema.createIndex(`feedback_${column}_due`).on('feedback').columns([column, 'current_due_at']).execute();
  }
  await db.schema.createIndex('feedback_due').on('feedback').column('current_due_at').execute();
  await db.schema.createIndex('feedback_submission').on('feedback').columns(['device_id', 'submission_id']).execute();
  // Public responses: written once, never edited; a reopened item gets another one.
  await db.schema
    .createTable('feedback_responses')
    .addColumn('code', 'text', (c) => c.notNull().references('feedback.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_responses_pk', ['code', 'position'])
    .execute();
  // Internal notes: staff only, never on a public page or in Open311.
  await db.schema
    .createTable('feedback_notes')
    .addColumn('code', 'text', (c) => c.notNull().references('feedback.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_notes_code').on('feedback_notes').column('code').execute();
  await db.schema
    .createTable('staff_users')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // admin | editor | responder
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  // Only the sha256 of a session token is stored; the CSRF token is per session.
  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_sha256', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().references('staff_users.username'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  // When Central last acknowledged a batch from the device: the floor of its later claimed times.
  await db.schema.alterTable('devices').addColumn('last_ingest_at', 'text').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
