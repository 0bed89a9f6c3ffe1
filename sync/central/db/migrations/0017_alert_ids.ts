import type { Kysely } from 'kysely';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An alert's id is the kiosk's (a UUID), kept when the kiosk re-enrols under a new device id and sends an
  // unacknowledged alert again: a technician's visit must reach the public record once, so Central looks an
  // alert up by its id alone.
  await db.schema.createIndex('device_alerts_id').on('device_alerts').column('id').execute();
}
