import type { Database } from 'better-sqlite3';

/** Small typed key-value settings of this device, kept in its own database (identity is in device.json). */
export interface DeviceState {
  lastSyncAt?: string;
  /**
   * Set on re-enrolment: the last submission acknowledged to the previous
   * device identity. Central keeps those under that identity, so reconciling
   * with the new one must not count or re-send them (it would store each twice).
   */
  reconcileAfterSeq?: string;
}

export function readDeviceState(db: Database): DeviceState {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM device_state').all();
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export function writeDeviceState(db: Database, values: DeviceState): void {
  const upsert = db.prepare('INSERT INTO device_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) upsert.run(key, String(value));
    }
  })();
}
