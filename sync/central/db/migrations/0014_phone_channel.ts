import type { Kysely } from 'kysely';
import { withoutRowid } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Branches and their operator desks, kept by admins at /console/desks: the desk cards' QR codes name a desk
  // by its short code (branch code + number, e.g. TB01-07); kiosk configs name the same branch id and desk id.
  await db.schema
    .createTable('branches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('desks')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('services_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desks_pk', ['branch_id', 'id'])
    .addUniqueConstraint('desks_number', ['branch_id', 'number'])
    .execute();
  // Submissions from phones arrive through a "channel device" per branch (see services/channelDevices.ts):
  // ingest, tallies, feedback clocks and the public record then treat them exactly as a kiosk's.
  await db.schema
    .alterTable('devices')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('kiosk'))
    .execute();
  // A phone visitor's flow between pages (JavaScript may be off, so the state lives here, not in the page):
  // the draft answers, the language, the display switches, and the token every form post must carry.
  await db.schema
    .createTable('web_sessions')
    .addColumn('id_sha256', 'text', (c) => c.primaryKey())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .$call(withoutRowid(db))
    .execute();
  await db.schema.createIndex('web_sessions_updated').on('web_sessions').column('updated_at').execute();
  // Anonymous votes from phones, per address (hashed) and ballot, for the last hour: a script voting from one
  // address is refused past the limit, and its refusals are shown to staff beside the tally.
  await db.schema
    .createTable('phone_vote_attempts')
    .addColumn('ballot_id', 'text', (c) => c.notNull())
    .addColumn('address_sha256', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('refused', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('phone_vote_attempts_by_address')
    .on('phone_vote_attempts')
    .columns(['ballot_id', 'address_sha256', 'at'])
    .execute();
  await db.schema.createIndex('phone_vote_attempts_at').on('phone_vote_attempts').column('at').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
