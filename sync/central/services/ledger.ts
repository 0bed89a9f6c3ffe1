import type { Kysely, Transaction } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { appendRecord } from './record/recordLog.js';
import { centralNow } from './clock.js';

type Db = Kysely<CentralDatabase> | Transaction<CentralDatabase>;

/**
 * What the public record says about who acted: a staff member by role, never
 * by name (issue #15); a kiosk or the system as they are.
 */
async function publicDetail(db: Db, detail: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { by, ...rest } = detail;
  if (typeof by !== 'string') return rest;
  const staff = await db.selectFrom('staff_users').select('role').where('username', '=', by).executeTakeFirst();
  return { ...rest, by: staff ? staff.role : 'system' };
}

/**
 * Appends one event to Central's internal ledger and to the public record,
 * inside the caller's transaction (or one of its own), so neither says
 * something that did not commit. Answers the entry's index in the record.
 */
export async function appendLedger(db: Db, kind: string, subject: string, detail: Record<string, unknown>): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendLedger(trx, kind, subject, detail));
  await db
    .insertInto('ledger')
    .values({ recorded_at: centralNow().toISOString(), kind, subject, detail_json: JSON.stringify(detail) })
    .execute();
  return appendRecord(db, { kind, subject, detail: await publicDetail(db, detail) });
}
