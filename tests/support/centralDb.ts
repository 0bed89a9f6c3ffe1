import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export interface StoredSubmission {
  id: string;
  device_id: string;
  payload_json: string;
  confirmation_code: string;
}

/** Reads Central's own SQLite file, read-only, the way an auditor would. */
export function readCentralSubmissions(centralDataDir: string): StoredSubmission[] {
  const db = new BetterSqlite3(join(centralDataDir, 'central.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], StoredSubmission>('SELECT id, device_id, payload_json, confirmation_code FROM submissions ORDER BY seq').all();
  } finally {
    db.close();
  }
}
