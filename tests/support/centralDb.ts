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

export interface StoredAttachment {
  submission_id: string;
  name: string;
  sha256: string;
  upload_id: string | null;
  received_at: string | null;
}

/** The files Central holds for submissions, read-only. */
export function readCentralAttachments(centralDataDir: string): StoredAttachment[] {
  const db = new BetterSqlite3(join(centralDataDir, 'central.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], StoredAttachment>(
        'SELECT submission_id, name, sha256, upload_id, received_at FROM submission_attachments ORDER BY submission_id',
      )
      .all();
  } finally {
    db.close();
  }
}

/** Any read-only query on Central's SQLite file (feedback rows, devices), the way an auditor would. */
export function queryCentral<T>(centralDataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(join(centralDataDir, 'central.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<unknown[], T>(sql).all(...params);
  } finally {
    db.close();
  }
}
