import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from './ledger.js';

/** When a branch hears that ratings fell (issue #32, HappyOrNot's way): the defaults, each a setting. */
export interface RatingAlertSettings {
  /** The window counted, back from now. */
  readonly windowMinutes: number;
  /** Fewer ratings than this in the window say nothing either way. */
  readonly minRatings: number;
  /** The share of 1–2 ratings at or above which an alert opens (and below which it closes). */
  readonly lowShare: number;
  /** A press sooner than this after the last one counted at the same kiosk is not counted: one person hammering a face is one rating. */
  readonly minPressIntervalSec: number;
}

export const DEFAULT_RATING_ALERTS: RatingAlertSettings = { windowMinutes: 60, minRatings: 10, lowShare: 0.4, minPressIntervalSec: 10 };

interface CountedRating {
  readonly branch: string;
  readonly deskId: string;
  readonly serviceId: string;
  readonly low: boolean;
}

/** The window's ratings as counted: per kiosk in the order pressed, each at least the minimum interval after the last counted. */
async function countedRatings(db: Kysely<CentralDatabase>, settings: RatingAlertSettings, now: Date): Promise<CountedRating[]> {
  const since = new Date(now.getTime() - settings.windowMinutes * 60_000).toISOString();
  const rows = await db
    .selectFrom('submissions')
    .innerJoin('devices', 'devices.id', 'submissions.device_id')
    .select(['submissions.device_id', 'submissions.payload_json', 'submissions.claimed_created_at', 'devices.branch_id'])
    .where('submissions.type', '=', 'rating')
    .where('submissions.received_at', '>=', since)
    .orderBy('submissions.device_id')
    .orderBy('submissions.claimed_created_at')
    .execute();
  const lastCounted = new Map<string, number>();
  const counted: CountedRating[] = [];
  for (const row of rows) {
    const at = Date.parse(row.claimed_created_at);
    const previous = lastCounted.get(row.device_id);
    if (previous !== undefined && at - previous < settings.minPressIntervalSec * 1000) continue;
    lastCounted.set(row.device_id, at);
    const payload = JSON.parse(row.payload_json) as { deskId?: unknown; serviceId?: unknown; score?: unknown };
    if (typeof payload.deskId !== 'string' || typeof payload.serviceId !== 'string' || typeof payload.score !== 'number') continue;
    counted.push({ branch: row.branch_id, deskId: payload.deskId, serviceId: payload.serviceId, low: payload.score <= 2 });
  }
  return counted;
}

/**
 * Opens an alert for each desk and each service of a branch whose share of
 * 1–2 ratings in the window reached the threshold over enough ratings, and
 * closes each open one whose share recovered. Each opening and closing is an
 * entry of the public record (branch, scope, share; never a person). Answers the alerts opened.
 */
export async function evaluateRatingAlerts(
  db: Kysely<CentralDatabase>,
  settings: RatingAlertSettings = DEFAULT_RATING_ALERTS,
  now = new Date(),
): Promise<string[]> {
  const groups = new Map<string, { branch: string; scope: 'desk' | 'service'; subject: string; n: number; low: number }>();
  for (const rating of await countedRatings(db, settings, now))
    for (const [scope, subject] of [
      ['desk', rating.deskId],
      ['service', rating.serviceId],
    ] as const) {
      const key = `${scope}:${rating.branch}:${subject}`;
      const group = groups.get(key) ?? { branch: rating.branch, scope, subject, n: 0, low: 0 };
      group.n += 1;
      if (rating.low) group.low += 1;
      groups.set(key, group);
    }
  const open = await db.selectFrom('rating_alerts').selectAll().where('closed_at', 'is', null).execute();
  const openByKey = new Map(open.map((alert) => [`${alert.scope}:${alert.branch_id}:${alert.subject}`, alert]));
  const opened: string[] = [];
  const at = now.toISOString();
  for (const [key, group] of groups) {
    const share = group.low / group.n;
    if (group.n < settings.minRatings || share < settings.lowShare || openByKey.has(key)) continue;
    const id = `${key}:${at}`;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('rating_alerts')
        .values({
          id,
          branch_id: group.branch,
          scope: group.scope,
          subject: group.subject,
          opened_at: at,
          low_share: share,
          ratings: group.n,
        })
        .execute();
      await appendLedger(trx, 'rating.alert-opened', `${group.scope}:${group.subject}`, {
        branch: group.branch,
        lowShare: Math.round(share * 100) / 100,
        ratings: group.n,
      });
    });
    opened.push(id);
  }
  for (const [key, alert] of openByKey) {
    const group = groups.get(key);
    if (group && group.n >= settings.minRatings && group.low / group.n >= settings.lowShare) continue;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('rating_alerts').set({ closed_at: at }).where('id', '=', alert.id).execute();
      await appendLedger(trx, 'rating.alert-closed', `${alert.scope}:${alert.subject}`, { branch: alert.branch_id });
    });
  }
  return opened;
}

/** A supervisor has seen it, and says what is being done: kept with the alert, never in the public record. */
export async function acknowledgeRatingAlert(db: Kysely<CentralDatabase>, id: string, username: string, comment: string): Promise<boolean> {
  const done = await db
    .updateTable('rating_alerts')
    .set({ acknowledged_by: username, acknowledged_at: new Date().toISOString(), comment: comment.trim().slice(0, 1000) || null })
    .where('id', '=', id)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

/** Open alerts first, then the latest closed, each group newest first; for the console. */
export async function listRatingAlerts(db: Kysely<CentralDatabase>, limit = 50) {
  const rows = await db.selectFrom('rating_alerts').selectAll().orderBy('opened_at', 'desc').limit(limit).execute();
  return [...rows.filter((alert) => alert.closed_at === null), ...rows.filter((alert) => alert.closed_at !== null)];
}
