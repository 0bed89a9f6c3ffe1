import { greatest } from '../db/dialect.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Heartbeat } from '../../protocol/fleet.js';
import type { CentralDatabase } from '../db/schema.js';
import { knownDeskIds } from './desks.js';
import { appendLedger } from './ledger.js';

/** The alert kind a kiosk sends a finished technician visit as (src-main/core/technician/technicianVisits.ts). */
export const TECHNICIAN_VISIT = 'technician-visit';

/**
 * The public record's "kiosk serviced" entry: which kiosk, when, how the
 * visit ended and what was changed (setting names, enrolment, self-tests);
 * nothing else of the kiosk's detail is copied into the record.
 */
async function storeTechnicianVisit(trx: Transaction<CentralDatabase>, deviceId: string, detail: Record<string, unknown>): Promise<void> {
  const device = await trx.selectFrom('devices').select(['kiosk_id', 'branch_id']).where('id', '=', deviceId).executeTakeFirst();
  await appendLedger(trx, 'kiosk.serviced', deviceId, {
    kioskId: device?.kiosk_id ?? null,
    branchId: device?.branch_id ?? null,
    ...visitOfDetail(detail),
  });
}

/** A technician visit as a kiosk reported it, kept to what Central shows: texts of at most 64 characters, 50 changes. */
export function visitOfDetail(detail: Record<string, unknown>): {
  readonly startedAt: string;
  readonly endedAt: string;
  readonly endReason: string;
  readonly changes: readonly string[];
} {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 64) : '');
  const changes = Array.isArray(detail.changes) ? detail.changes.filter((change): change is string => typeof change === 'string') : [];
  return {
    startedAt: text(detail.startedAt),
    endedAt: text(detail.endedAt),
    endReason: text(detail.endReason),
    changes: changes.slice(0, 50).map((change) => change.slice(0, 64)),
  };
}

/** Keeps the latest heartbeat per device and every alert once (by its id); a technician's visit also goes to the record. */
export async function storeHeartbeat(
  db: Kysely<CentralDatabase>,
  deviceId: string,
  heartbeat: Heartbeat,
  /** The kiosk's clock minus Central's, from the signed request's timestamp (null where unknown). */
  clockDriftMs: number | null = null,
): Promise<{ receivedAt: string; alertsStored: string[] }> {
  const receivedAt = new Date().toISOString();
  const row = {
    received_at: receivedAt,
    version: heartbeat.version,
    queue_depth: heartbeat.queueDepth,
    oldest_pending_age_sec: heartbeat.oldestPendingAgeSec,
    dead_letters: heartbeat.deadLetters,
    last_sync_at: heartbeat.lastSyncAt,
    free_disk_bytes: heartbeat.freeDiskBytes,
    desk_id: heartbeat.deskId ?? null,
    clock_drift_ms: clockDriftMs,
  };
  const hour = { beats: 1, queue: heartbeat.queueDepth, dead: heartbeat.deadLetters, drift: Math.abs(clockDriftMs ?? 0) };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('device_heartbeats')
      .values({ device_id: deviceId, ...row })
      .onConflict((oc) => oc.column('device_id').doUpdateSet(row))
      .execute();
    await trx
      .insertInto('device_heartbeat_hours')
      .values({
        device_id: deviceId,
        hour: `${receivedAt.slice(0, 13)}:00:00Z`,
        beats: hour.beats,
        max_queue_depth: hour.queue,
        max_dead_letters: hour.dead,
        max_abs_drift_ms: hour.drift,
      })
      .onConflict((oc) =>
        oc.columns(['device_id', 'hour']).doUpdateSet((eb) => ({
          beats: eb('device_heartbeat_hours.beats', '+', 1),
          max_queue_depth: greatest<number>(trx, sql.ref('device_heartbeat_hours.max_queue_depth'), sql.ref('excluded.max_queue_depth')),
          max_dead_letters: greatest<number>(trx, sql.ref('device_heartbeat_hours.max_dead_letters'), sql.ref('excluded.max_dead_letters')),
          max_abs_drift_ms: greatest<number>(trx, sql.ref('device_heartbeat_hours.max_abs_drift_ms'), sql.ref('excluded.max_abs_drift_ms')),
        })),
      )
      .execute();
    for (const alert of heartbeat.alerts) {
      // Sent before under another device id (the kiosk re-enrolled before Central's answer reached it)?
      const seen = await trx.selectFrom('device_alerts').select('id').where('id', '=', alert.id).executeTakeFirst();
      await trx
        .insertInto('device_alerts')
        .values({
          device_id: deviceId,
          id: alert.id,
          kind: alert.kind,
          created_at: alert.createdAt,
          received_at: receivedAt,
          detail_json: JSON.stringify(alert.detail),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      // A technician's visit, the first time it arrives (a resent heartbeat adds nothing): "kiosk serviced" in the record.
      if (alert.kind === TECHNICIAN_VISIT && !seen) await storeTechnicianVisit(trx, deviceId, alert.detail);
    }
  });
  return { receivedAt, alertsStored: heartbeat.alerts.map((alert) => alert.id) };
}

/** Past this, a kiosk's clock is flagged (issue #17: warn past 2 minutes; Central refuses past 5, RELIABILITY.md). */
export const CLOCK_DRIFT_LIMIT_MS = 2 * 60_000;

export interface FleetEntry {
  readonly deviceId: string;
  readonly kioskId: string;
  readonly branchId: string;
  readonly lastHeartbeatAt: string | null;
  readonly queueDepth: number | null;
  readonly deadLetters: number | null;
  readonly version: string | null;
  /** No heartbeat within the allowed silence (or never): someone should look at this kiosk. */
  readonly silent: boolean;
  /** Its clock minus Central's at the last heartbeat, in ms (null before one). */
  readonly clockDriftMs: number | null;
  /** More than two minutes off Central's clock: feedback's 24-hour clocks start on the kiosk. */
  readonly clockDrifting: boolean;
  /** The desk its config names, as last reported (null before its first heartbeat, or from an older kiosk). */
  readonly deskId: string | null;
  /** Its desk is not one of its branch's desks at Central (console, Desks): its desk's cards and phone pages do not match it. */
  readonly deskUnknown: boolean;
  readonly openAlerts: number;
}

/** Every active device with its latest heartbeat, silent ones flagged. */
export async function fleetStatus(
  db: Kysely<CentralDatabase>,
  silentAfterMs: number,
  now = Date.now(),
  /** Only this device (a kiosk's own page), rather than the whole fleet. */
  deviceId?: string,
): Promise<FleetEntry[]> {
  let query = db
    .selectFrom('devices')
    .where('devices.channel', '=', 'kiosk')
    .leftJoin('device_heartbeats', 'device_heartbeats.device_id', 'devices.id')
    .select([
      'devices.id',
      'devices.kiosk_id',
      'devices.branch_id',
      'device_heartbeats.received_at',
      'device_heartbeats.queue_depth',
      'device_heartbeats.dead_letters',
      'device_heartbeats.version',
      'device_heartbeats.desk_id',
      'device_heartbeats.clock_drift_ms',
    ])
    .select((eb) =>
      eb
        .selectFrom('device_alerts')
        .whereRef('device_alerts.device_id', '=', 'devices.id')
        // A technician's visit is history, not something wrong.
        .where('device_alerts.kind', '!=', TECHNICIAN_VISIT)
        .select(eb.fn.countAll<number>().as('n'))
        .as('alerts'),
    )
    .where('devices.revoked_at', 'is', null);
  if (deviceId !== undefined) query = query.where('devices.id', '=', deviceId);
  const rows = await query.orderBy('devices.branch_id').orderBy('devices.kiosk_id').execute();
  const desks = await knownDeskIds(db);
  return rows.map((row) => ({
    deviceId: row.id,
    kioskId: row.kiosk_id,
    branchId: row.branch_id,
    lastHeartbeatAt: row.received_at,
    queueDepth: row.queue_depth,
    deadLetters: row.dead_letters,
    version: row.version,
    silent: !row.received_at || now - Date.parse(row.received_at) > silentAfterMs,
    clockDriftMs: row.clock_drift_ms,
    clockDrifting: row.clock_drift_ms !== null && Math.abs(row.clock_drift_ms) > CLOCK_DRIFT_LIMIT_MS,
    deskId: row.desk_id,
    deskUnknown: row.desk_id !== null && !desks.has(`${row.branch_id}/${row.desk_id}`),
    openAlerts: Number(row.alerts ?? 0),
  }));
}
