import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate.js';

export class StorageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/**
 * Opens (creating if needed) the kiosk database in its data folder. WAL with
 * synchronous=FULL is set and read back: better-sqlite3 defaults WAL to NORMAL,
 * which can lose the last commits on power loss, and we promised "saved".
 */
export function openDatabase(dataDir: string): Database {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StorageError(`Cannot create the kiosk data folder ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  const db = new BetterSqlite3(join(dataDir, 'kiosk.sqlite'));
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const synchronous = db.pragma('synchronous', { simple: true });
    // synchronous: 2 = FULL, 3 = EXTRA; anything weaker breaks the "saved" promise.
    if (mode !== 'wal' || typeof synchronous !== 'number' || synchronous < 2) {
      throw new StorageError(`Kiosk database refused durable settings (journal_mode=${String(mode)}, synchronous=${String(synchronous)})`);
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
