import { sql, type Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enrolment_tokens')
    .addColumn('token_sha256', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .execute();
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('submissions')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('payload_sha256', 'text', (c) => c.notNull())
    .addColumn('claimed_created_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('content_version', 'integer', (c) => c.notNull())
    .addColumn('confirmation_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submissions_pk', ['device_id', 'id'])
    .execute();
  // Nonces seen per device inside the signature window: a replayed request is refused.
  await db.schema
    .createTable('request_nonces')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_nonces_pk', ['device_id', 'nonce'])
    .execute();
  await db.schema.createIndex('request_nonces_seen').on('request_nonces').column('seen_at').execute();
  await db.schema.createIndex('submissions_device_seq').on('submissions').columns(['device_id', 'seq']).execute();
  await db.schema
    .createTable('content_packs')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  // The public record: append-only, one row per thing that happened.
  await db.schema
    .createTable('ledger')
    .addColumn('position', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .execute();
  await sql`SELECT 1`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
