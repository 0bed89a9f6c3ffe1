import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The desk a kiosk's config names, as its heartbeat reports it: the fleet view flags a kiosk whose desk Central
  // does not know (its phone pages and cards would not match the kiosk). Null from kiosks older than the field.
  await db.schema.alterTable('device_heartbeats').addColumn('desk_id', 'text').execute();
}
