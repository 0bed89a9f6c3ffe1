import type { Kysely, Transaction } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/** Appends one event to the public record, inside the caller's transaction. */
export async function appendLedger(
  db: Kysely<CentralDatabase> | Transaction<CentralDatabase>,
  kind: string,
  subject: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('ledger')
    .values({ recorded_at: new Date().toISOString(), kind, subject, detail_json: JSON.stringify(detail) })
    .execute();
}
