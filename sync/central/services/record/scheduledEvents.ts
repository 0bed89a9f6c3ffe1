import type { Kysely, Transaction } from 'kysely';
import type { CentralDatabase } from '../../db/schema.js';
import { latestContentPack } from '../content.js';
import { appendLedger } from '../ledger.js';
import { holdRecordAppends } from './recordLog.js';
import { centralNow } from '../clock.js';

/** How often Central looks for events a time has triggered: a closing or a deadline is in the record within a minute. */
export const SCHEDULED_EVERY_MS = 60_000;

/** Appends the event once: `key` names it among its kind (the record_scheduled row is written in the same commit). */
async function once(trx: Transaction<CentralDatabase>, kind: string, key: string, subject: string, detail: Record<string, unknown>) {
  const inserted = await trx
    .insertInto('record_scheduled')
    .values({ kind, key, appended_at: centralNow().toISOString() })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) return 0;
  await appendLedger(trx, kind, subject, detail);
  return 1;
}

/**
 * The record's events that time triggers: each survey and ballot of the
 * current content closing (at its closesAt), and each feedback whose 24 hours
 * (or the 24 hours after a reopening) passed with no answer. Returns how many
 * were appended now. Run at start and every minute (startCentral).
 */
export async function appendScheduledEvents(db: Kysely<CentralDatabase>, now = centralNow()): Promise<number> {
  const pack = await latestContentPack(db);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await holdRecordAppends(trx);
    let appended = 0;
    for (const [kind, items] of [
      ['survey', pack?.surveys ?? []],
      ['ballot', pack?.ballots ?? []],
    ] as const) {
      for (const item of items)
        if (item.closesAt <= at)
          appended += await once(trx, `${kind}.closed`, item.id, item.id, { closesAt: item.closesAt, contentVersion: pack?.version });
    }
    const overdue = await trx
      .selectFrom('feedback')
      .select(['code', 'current_due_at', 'branch_id', 'service_id'])
      .where('current_due_at', '<=', at)
      .where('status', 'not in', ['answered', 'closed'])
      .execute();
    for (const row of overdue)
      appended += await once(trx, 'feedback.overdue', `${row.code}@${row.current_due_at}`, row.code, {
        dueAt: row.current_due_at,
        branch: row.branch_id,
        service: row.service_id,
      });
    return appended;
  });
}
