import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_init.js';
import * as m0002 from './migrations/0002_fleet.js';
import * as m0003 from './migrations/0003_attachments.js';
import * as m0004 from './migrations/0004_feedback_staff.js';
import * as m0005 from './migrations/0005_device_progress.js';
import * as m0006 from './migrations/0006_votes.js';
import * as m0007 from './migrations/0007_published_results.js';
import * as m0008 from './migrations/0008_proposals.js';
import * as m0009 from './migrations/0009_public_record.js';
import * as m0010 from './migrations/0010_record_leaf_hashes_derived.js';
import * as m0011 from './migrations/0011_record_receipts.js';
import * as m0012 from './migrations/0012_record_cosignatures.js';
import * as m0013 from './migrations/0013_record_scheduled.js';
import * as m0014 from './migrations/0014_phone_channel.js';
import * as m0015 from './migrations/0015_spoken_texts.js';
import * as m0016 from './migrations/0016_fleet_view.js';
import * as m0017 from './migrations/0017_alert_ids.js';
import * as m0018 from './migrations/0018_notifications.js';
import * as m0019 from './migrations/0019_staff_notices.js';
import * as m0020 from './migrations/0020_rate_limits.js';
import * as m0021 from './migrations/0021_latest_cosignatures.js';
import { ImmediateSqliteDialect } from './immediateSqliteDialect.js';
import { CentralPostgresDialect } from './postgres/centralPostgresDialect.js';
import { openPostgresPool } from './postgres/openPostgresPool.js';
import type { CentralDatabase } from './schema.js';

/** Listed in code, not read from a folder, so a bundled or compiled Central finds them all. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_fleet': m0002,
  '0003_attachments': m0003,
  '0004_feedback_staff': m0004,
  '0005_device_progress': m0005,
  '0006_votes': m0006,
  '0007_published_results': m0007,
  '0008_proposals': m0008,
  '0009_public_record': m0009,
  '0010_record_leaf_hashes_derived': m0010,
  '0011_record_receipts': m0011,
  '0012_record_cosignatures': m0012,
  '0013_record_scheduled': m0013,
  '0014_phone_channel': m0014,
  '0015_spoken_texts': m0015,
  '0016_fleet_view': m0016,
  '0017_alert_ids': m0017,
  '0018_notifications': m0018,
  '0019_staff_notices': m0019,
  '0020_rate_limits': m0020,
  '0021_latest_cosignatures': m0021,
};
const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

const handles = new WeakMap<Kysely<CentralDatabase>, BetterSqlite3.Database>();
const pools = new WeakMap<Kysely<CentralDatabase>, pg.Pool>();

/**
 * The SQLite connection under a Kysely instance, for the hot paths that run
 * cached prepared statements (ingest, request verification). Use it only while
 * holding Kysely's connection (`db.connection().execute(...)` or inside a
 * Kysely transaction), so no other query interleaves.
 */
export function sqliteHandleOf(db: Kysely<CentralDatabase>): BetterSqlite3.Database {
  const handle = handles.get(db);
  if (!handle) throw new Error('not a Kysely instance opened by openCentralDb on SQLite');
  return handle;
}

/** The PostgreSQL pool under a Kysely instance, for ingest's set-wise statements on a connection of its own. */
export function postgresPoolOf(db: Kysely<CentralDatabase>): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('not a Kysely instance opened by openCentralDb on PostgreSQL');
  return pool;
}

/** `--db` / PSH_CENTRAL_DB: a postgres:// URL puts Central on PostgreSQL; without one it keeps its embedded SQLite. */
export const isPostgresUrl = (database: string): boolean => /^postgres(ql)?:\/\//.test(database);

async function migrate(db: Kysely<CentralDatabase>): Promise<Kysely<CentralDatabase>> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error('Central migration failed', { cause: error });
  }
  return db;
}

/**
 * Opens Central's database and migrates it: embedded SQLite in the data
 * folder (WAL, synchronous=FULL: a receipt is only sent after a durable
 * commit), or the PostgreSQL that `database` names. Kysely's migrator refuses
 * a db whose applied migrations are not the code's, in order.
 */
export async function openCentralDb(dataDir: string, database?: string): Promise<Kysely<CentralDatabase>> {
  if (database !== undefined) {
    if (!isPostgresUrl(database))
      throw new Error(`--db / PSH_CENTRAL_DB must be a postgres:// URL (got "${database}"); leave it out for embedded SQLite`);
    const pool = openPostgresPool(database);
    // A connection lost while idle (PostgreSQL restarted) leaves the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    const db = new Kysely<CentralDatabase>({ dialect: new CentralPostgresDialect({ pool }) });
    pools.set(db, pool);
    return migrate(db);
  }
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(join(dataDir, 'central.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<CentralDatabase>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  handles.set(db, sqlite);
  return migrate(db);
}
