import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per vote Central accepted. A verified vote carries its voter key (an HMAC of ballot and
  // personal number; the number itself is kept nowhere); only the earliest vote per key counts.
  await db.schema
    .createTable('votes')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('ballot_id', 'text', (c) => c.notNull())
    .addColumn('voter_key', 'text')
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_pk', ['device_id', 'submission_id'])
    .execute();
  await db.schema.createIndex('votes_voter').on('votes').columns(['ballot_id', 'voter_key', 'counted']).execute();
  await db.schema.createIndex('votes_device_time').on('votes').columns(['ballot_id', 'device_id', 'claimed_at']).execute();
  // The initiatives each vote chose, with the vote's counted flag beside them: the tally is one indexed GROUP BY.
  await db.schema
    .createTable('vote_choices')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('ballot_id', 'text', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vote_choices_tally').on('vote_choices').columns(['ballot_id', 'counted', 'initiative_id']).execute();
  await db.schema.createIndex('vote_choices_vote').on('vote_choices').columns(['device_id', 'submission_id']).execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
