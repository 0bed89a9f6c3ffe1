import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

export async function reconcileSummary(db: Kysely<CentralDatabase>, deviceId: string): Promise<{ count: number; maxSeq: number }> {
  const row = await db
    .selectFrom('submissions')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max<number | null>('seq').as('maxSeq')])
    .where('device_id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), maxSeq: Number(row.maxSeq ?? 0) };
}

/** Which of these submission ids Central holds for this device. */
export async function heldIds(db: Kysely<CentralDatabase>, deviceId: string, ids: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('submissions').select('id').where('device_id', '=', deviceId).where('id', 'in', [...ids]).execute();
  return rows.map((row) => row.id);
}
