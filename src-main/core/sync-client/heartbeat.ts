import { randomUUID } from 'node:crypto';
import { statfsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Heartbeat, KioskAlert } from '../../../sync/protocol/fleet.js';
import type { OutboxQueries } from '../outbox/outboxQueries.js';
import { readDeviceState } from '../db/deviceState.js';
import { packageVersion } from '../../../sync/node/packageRoot.js';

export const KIOSK_VERSION = packageVersion();

export const freeDiskBytes = (dataDir: string): number | null => {
  try {
    const stats = statfsSync(dataDir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
};

/** Alerts: raised on the kiosk, then the unsent ones, oldest first, at most what one heartbeat may carry. */
export function createAlerts(db: Database) {
  const insert = db.prepare<[string, string, string, string]>('INSERT INTO alerts (id, created_at, kind, detail_json) VALUES (?, ?, ?, ?)');
  const unsent = db.prepare<[], { id: string; created_at: string; kind: string; detail_json: string }>(
    'SELECT id, created_at, kind, detail_json FROM alerts WHERE sent_at IS NULL ORDER BY created_at LIMIT 100',
  );
  const markSent = db.prepare('UPDATE alerts SET sent_at = ? WHERE id = ?');
  return {
    /** Records an alert for the next heartbeat (inside the caller's transaction, when there is one). */
    raise: (kind: string, detail: Record<string, unknown>, at = new Date().toISOString()): void => {
      insert.run(randomUUID(), at, kind, JSON.stringify(detail));
    },
    unsent: (): KioskAlert[] =>
      unsent.all().map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        kind: row.kind,
        detail: JSON.parse(row.detail_json) as Record<string, unknown>,
      })),
    markSent: (ids: readonly string[], at: string): void => {
      db.transaction(() => ids.forEach((id) => markSent.run(at, id)))();
    },
  };
}

/** The report Central keeps per kiosk: what a technician needs to see from afar. */
export function buildHeartbeat(
  db: Database,
  outbox: OutboxQueries,
  place: { readonly dataDir: string; readonly deskId: string },
  alerts: KioskAlert[],
  now = Date.now(),
): Heartbeat {
  const counts = outbox.counts();
  return {
    version: KIOSK_VERSION,
    queueDepth: counts.pending,
    oldestPendingAgeSec: counts.oldestPendingAt ? Math.max(0, (now - Date.parse(counts.oldestPendingAt)) / 1000) : null,
    deadLetters: counts.dead,
    lastSyncAt: readDeviceState(db).lastSyncAt ?? null,
    freeDiskBytes: freeDiskBytes(place.dataDir),
    deskId: place.deskId,
    alerts,
  };
}
