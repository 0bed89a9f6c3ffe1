import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The citizen asked to be told when their feedback is received, answered or reopened (issue #32).
  await db.schema
    .alterTable('feedback')
    .addColumn('notify', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  // A keyed hash of the contact, set when the first message goes: how a reply by SMS ("STOP", "1", "2") finds
  // its feedback without Central opening every sealed contact. Deleted with the contact when the loop closes.
  await db.schema.alterTable('feedback').addColumn('contact_key', 'text').execute();
  // The citizen's answer to "was it resolved?": 'yes' or 'no'.
  await db.schema.alterTable('feedback').addColumn('resolved', 'text').execute();
  await db.schema.createIndex('feedback_contact_key').on('feedback').column('contact_key').execute();
  // Contacts that replied STOP: nothing more is ever sent to them.
  await db.schema
    .createTable('notify_optouts')
    .addColumn('contact_key', 'text', (column) => column.primaryKey())
    .addColumn('opted_out_at', 'text', (column) => column.notNull())
    .execute();
  // Central's notification outbox. The id is the message's idempotency key (what happened, to which
  // feedback, the how-many-th time), so planning the same message twice, by a restarted Central or by
  // two Centrals, inserts it once. The contact is never copied here: it is opened from its feedback only to send.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('code', 'text', (column) => column.notNull())
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('channel', 'text')
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('next_attempt_at', 'text', (column) => column.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('provider_ref', 'text')
    .addColumn('delivery', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('last_error', 'text')
    // Set for a message to a staff member (a deadline warning): the recipient is their account's e-mail.
    .addColumn('staff', 'text')
    .execute();
  // Staff are told of deadlines at their e-mail; a branch, when set, narrows what they are told of to it.
  await db.schema.alterTable('staff_users').addColumn('email', 'text').execute();
  // A branch's ratings turning bad at a desk or for a service: opened and closed by Central, acknowledged by staff.
  await db.schema
    .createTable('rating_alerts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('branch_id', 'text', (column) => column.notNull())
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('opened_at', 'text', (column) => column.notNull())
    .addColumn('low_share', 'real', (column) => column.notNull())
    .addColumn('ratings', 'integer', (column) => column.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.alterTable('staff_users').addColumn('branch_id', 'text').execute();
  await db.schema.createIndex('notifications_due').on('notifications').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('notifications_provider_ref').on('notifications').column('provider_ref').execute();
}
