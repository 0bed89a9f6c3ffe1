import type { Kysely } from 'kysely';
import { withoutRowid } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The desk a kiosk's config names, as its heartbeat reports it: the fleet view flags a kiosk whose desk Central
  // does not know (its phone pages and cards would not match the kiosk). Null from kiosks older than the field.
  await db.schema.alterTable('device_heartbeats').addColumn('desk_id', 'text').execute();
  // The kiosk's clock minus Central's at its last heartbeat (from the signed request's timestamp): the 24-hour
  // clock of feedback starts on the kiosk, so a drifting clock is shown to technicians before it matters.
  await db.schema.alterTable('device_heartbeats').addColumn('clock_drift_ms', 'integer').execute();
  // One row per kiosk and hour with heartbeats: the fleet page's history (a kiosk beats every few seconds, so
  // keeping each would be thousands of rows a day; an hour's count and worst figures are what a chart needs).
  await db.schema
    .createTable('device_heartbeat_hours')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('beats', 'integer', (c) => c.notNull())
    .addColumn('max_queue_depth', 'integer', (c) => c.notNull())
    .addColumn('max_dead_letters', 'integer', (c) => c.notNull())
    .addColumn('max_abs_drift_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_heartbeat_hours_pk', ['device_id', 'hour'])
    .$call(withoutRowid(db))
    .execute();
}
