import type { Kysely, Selectable } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { TECHNICIAN_VISIT, visitOfDetail } from './fleet.js';

/** How far back a kiosk's page looks. */
export const HISTORY_HOURS = 72;

export interface KioskHistory {
  readonly device: Selectable<CentralDatabase['devices']> | undefined;
  readonly latest: Selectable<CentralDatabase['device_heartbeats']> | undefined;
  /** One row per hour of the last HISTORY_HOURS, oldest first, hours without a heartbeat included (beats 0). */
  readonly hours: ReadonlyArray<{ readonly hour: string; readonly beats: number; readonly maxQueueDepth: number }>;
  readonly alerts: ReadonlyArray<{ readonly createdAt: string; readonly kind: string; readonly detail: string }>;
  /** Technician visits, newest first: when, how they ended, what was changed. */
  readonly visits: ReadonlyArray<{
    readonly startedAt: string;
    readonly endedAt: string;
    readonly endReason: string;
    readonly changes: readonly string[];
  }>;
}

/** A kiosk's page at Central: its device row, its latest heartbeat, its hours and its last alerts. */
export async function kioskHistory(db: Kysely<CentralDatabase>, deviceId: string, now = Date.now()): Promise<KioskHistory> {
  const firstHour = Math.floor(now / 3_600_000) - HISTORY_HOURS + 1;
  const hourKey = (index: number) => `${new Date(index * 3_600_000).toISOString().slice(0, 13)}:00:00Z`;
  const [device, latest, rows, alerts, visits] = await Promise.all([
    db.selectFrom('devices').selectAll().where('id', '=', deviceId).where('channel', '=', 'kiosk').executeTakeFirst(),
    db.selectFrom('device_heartbeats').selectAll().where('device_id', '=', deviceId).executeTakeFirst(),
    db
      .selectFrom('device_heartbeat_hours')
      .select(['hour', 'beats', 'max_queue_depth'])
      .where('device_id', '=', deviceId)
      .where('hour', '>=', hourKey(firstHour))
      .execute(),
    db
      .selectFrom('device_alerts')
      .select(['created_at', 'kind', 'detail_json'])
      .where('device_id', '=', deviceId)
      .where('kind', '!=', TECHNICIAN_VISIT)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('device_alerts')
      .select('detail_json')
      .where('device_id', '=', deviceId)
      .where('kind', '=', TECHNICIAN_VISIT)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute(),
  ]);
  const byHour = new Map(rows.map((row) => [row.hour, row]));
  return {
    device,
    latest,
    hours: Array.from({ length: HISTORY_HOURS }, (_, offset) => {
      const hour = hourKey(firstHour + offset);
      const row = byHour.get(hour);
      return { hour, beats: row?.beats ?? 0, maxQueueDepth: row?.max_queue_depth ?? 0 };
    }),
    alerts: alerts.map((alert) => ({ createdAt: alert.created_at, kind: alert.kind, detail: alert.detail_json })),
    visits: visits.map((row) => visitOfDetail(JSON.parse(row.detail_json) as Record<string, unknown>)),
  };
}
