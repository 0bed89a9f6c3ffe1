import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from './migrate.js';
import { networkFileSystemUnder } from './networkFileSystem.js';
import { DB_FILE, quarantineDatabase } from './quarantine.js';

export class StorageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/**
 * Checks an existing database read-only, before any writing connection: a
 * writer would checkpoint (and on close delete) the -wal of a damaged
 * database, and the quarantine must keep the files exactly as they were.
 * Returns the problem, or undefined when sound or not decidable here.
 */
function problemWith(file: string, options: BetterSqlite3.Options): string | undefined {
  if (!existsSync(file)) return undefined;
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { ...options, readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    return check === 'ok' ? undefined : `quick_check: ${String(check)}`;
  } catch (error) {
    return isCorruption(error) ? (error as Error).message : undefined;
  } finally {
    db?.close();
  }
}

/** Opens the file for writing with durable settings, read back. */
function openChecked(file: string, options: BetterSqlite3.Options): Database {
  const db = new BetterSqlite3(file, options);
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted rows (acknowledged personal data) are overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    const synchronous = db.pragma('synchronous', { simple: true });
    // synchronous: 2 = FULL, 3 = EXTRA; anything weaker breaks the "saved" promise.
    if (mode !== 'wal' || typeof synchronous !== 'number' || synchronous < 2) {
      throw new StorageError(`Kiosk database refused durable settings (journal_mode=${String(mode)}, synchronous=${String(synchronous)})`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const isCorruption = (error: unknown): boolean => ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes((error as { code?: string }).code ?? '');

/**
 * Opens (creating if needed) the kiosk database in its data folder. WAL with
 * synchronous=FULL is set and read back: better-sqlite3 defaults WAL to NORMAL,
 * which can lose the last commits on power loss, and we promised "saved".
 * A database that fails quick_check is quarantined with its -wal/-shm, a fresh
 * one starts, and an alert is recorded for Central and the technician.
 */
export interface OpenDatabaseOptions {
  /** better-sqlite3's addon built for this runtime's ABI (Electron's differs from Node's); default: the one in node_modules. */
  readonly sqliteBinding?: string | undefined;
}

export function openDatabase(dataDir: string, { sqliteBinding }: OpenDatabaseOptions = {}): Database {
  const options: BetterSqlite3.Options = sqliteBinding ? { nativeBinding: sqliteBinding } : {};
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StorageError(`Cannot create the kiosk data folder ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  const network = networkFileSystemUnder(dataDir);
  if (network)
    throw new StorageError(
      `The kiosk data folder ${dataDir} is on a network file system (${network}); SQLite is not safe there. Use a local disk.`,
    );

  const file = join(dataDir, DB_FILE);
  const problem = problemWith(file, options);
  const quarantined = problem ? { folder: quarantineDatabase(dataDir), reason: problem } : undefined;
  if (quarantined)
    console.error(`kiosk db: ${file} failed its check (${quarantined.reason}); moved to ${quarantined.folder}, starting a fresh one`);
  const db = openChecked(file, options);
  try {
    migrate(db);
    if (quarantined) {
      db.prepare('INSERT INTO alerts (id, created_at, kind, detail_json) VALUES (?, ?, ?, ?)').run(
        uuidv7(),
        new Date().toISOString(),
        'database-quarantined',
        JSON.stringify(quarantined),
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
