import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/** A message that has failed this many times in a row is trouble staff should see: the provider is down, or refuses it. */
export const TROUBLE_AFTER_FAILURES = 3;
const LOOK_BACK_MS = 24 * 3_600_000;

export interface SendingTrouble {
  /** Messages still retried after TROUBLE_AFTER_FAILURES failures, or given up on, in the last day. */
  readonly failing: number;
  /** The provider's latest refusal, to tell a wrong password from a host that is down. Never a contact. */
  readonly lastError: string | null;
}

/** Whether Central's messages are getting out: shown on the fleet page, the alerts page and in the daily digest. */
export async function sendingTrouble(db: Kysely<CentralDatabase>, now = new Date()): Promise<SendingTrouble> {
  const since = new Date(now.getTime() - LOOK_BACK_MS).toISOString();
  const troubled = sql`((state IN ('pending', 'sending') AND attempts >= ${TROUBLE_AFTER_FAILURES}) OR state = 'failed')
    AND created_at >= ${since}`;
  const count = await sql<{ n: number | string }>`SELECT count(*) AS n FROM notifications WHERE ${troubled}`.execute(db);
  const latest = await sql<{ last_error: string | null }>`SELECT last_error FROM notifications
    WHERE ${troubled} AND last_error IS NOT NULL ORDER BY next_attempt_at DESC LIMIT 1`.execute(db);
  return { failing: Number(count.rows[0]?.n ?? 0), lastError: latest.rows[0]?.last_error ?? null };
}
