import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const NAME = /^\d{4}-[a-z0-9-]+\.sql$/;

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/** Thrown when the db was migrated by code this build does not know: never guess, refuse. */
export class MigrationMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationMismatchError';
  }
}

/** The migrations shipped with this build, in order. Files are immutable once released. */
export function bundledMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => NAME.test(file))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}/${name}`, 'utf8') }));
}

/**
 * Applies the missing migrations, each in its own transaction. The db's applied
 * list must be a prefix of the code's list, else the db belongs to other code.
 */
export function migrate(db: Database, migrations: readonly Migration[] = bundledMigrations()): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  const applied = db
    .prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    .all()
    .map((row) => row.name);
  applied.forEach((name, index) => {
    if (migrations[index]?.name !== name) {
      throw new MigrationMismatchError(
        `Database has migration "${name}" at position ${index + 1}, but this build expects "${migrations[index]?.name ?? '(none)'}"`,
      );
    }
  });
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const pending = migrations.slice(applied.length);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.name, new Date().toISOString());
    })();
  }
  return pending.map((m) => m.name);
}
