import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/** How many submissions, and the highest seq, Central holds from a device (kept up by the ingest transaction). */
export async function reconcileSummary(db: Kysely<CentralDatabase>, deviceId: string): Promise<{ count: number; maxSeq: number }> {
  const row = await db.selectFrom('devices').select(['held_count', 'max_seq']).where('id', '=', deviceId).executeTakeFirst();
  return { count: row?.held_count ?? 0, maxSeq: row?.max_seq ?? 0 };
}

/** Which of these submission ids Central holds for this device. */
export async function heldIds(db: Kysely<CentralDatabase>, deviceId: string, ids: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('submissions')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((row) => row.id);
}
