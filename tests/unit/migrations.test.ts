import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledMigrations, migrate, MigrationMismatchError } from '../../src-main/core/db/migrate.js';
import { openDatabase } from '../../src-main/core/db/openDatabase.js';
import { makeTempDir } from '../support/tempDir.js';

const dirs: Array<{ remove: () => void }> = [];
const temp = () => {
  const dir = makeTempDir('migrate');
  dirs.push(dir);
  return dir.path;
};
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

describe('kiosk migrations', () => {
  it('applies every bundled migration once, in order, and records them', () => {
    const db = new BetterSqlite3(':memory:');
    const names = bundledMigrations().map((m) => m.name);
    expect(names[0]).toBe('0001-init.sql');
    expect(migrate(db)).toEqual(names);
    expect(migrate(db)).toEqual([]);
    const recorded = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    expect(recorded).toEqual(names);
  });

  it('refuses a database whose applied list does not match the code', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES ('0000-from-another-build.sql', 'x')").run();
    expect(() => migrate(db)).toThrow(MigrationMismatchError);
  });

  it('refuses when a newer build migrated the database', () => {
    const db = new BetterSqlite3(':memory:');
    const future = [...bundledMigrations(), { name: '9999-future.sql', sql: 'CREATE TABLE future (x)' }];
    migrate(db, future);
    expect(() => migrate(db)).toThrow(/9999-future\.sql/);
  });

  it('rolls back a failing migration whole', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [{ name: '0001-broken.sql', sql: 'CREATE TABLE a (x); CREATE TABLE a (y);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
  });

  it('opens the kiosk db in WAL with synchronous=FULL, read back', () => {
    const db = openDatabase(temp());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});
