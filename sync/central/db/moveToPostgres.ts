import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { openCentralDb, postgresPoolOf, sqliteHandleOf } from './openCentralDb.js';

/** Rows a table holds after the move, as read back from PostgreSQL. */
export interface MovedTable {
  readonly table: string;
  readonly rows: number;
}

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Central's tables in the SQLite file, parents before the tables whose foreign keys point at them. */
function tablesInOrder(sqlite: BetterSqlite3.Database): string[] {
  const names = sqlite
    .prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
    )
    .pluck()
    .all();
  const parents = new Map(
    names.map((name) => [
      name,
      sqlite
        .prepare<[], { table: string }>(`PRAGMA foreign_key_list(${quote(name)})`)
        .all()
        .map((key) => key.table),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: readonly string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    for (const parent of parents.get(name) ?? []) if (parent !== name) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

/**
 * Moves an existing Central from its embedded SQLite (in `dataDir`) into an
 * empty PostgreSQL database: the schema is created by the same migrations,
 * then every table is copied row for row, in one PostgreSQL transaction (a
 * failed move leaves the database empty, ready for another try). The SQLite
 * file is held with its write lock throughout, so a Central still running on
 * it waits rather than writes something the move would miss. The file is left
 * as it was: it is the fallback until the new Central has been checked.
 * The keys stay in `dataDir/keys` and the uploads in `dataDir/uploads`; the
 * Central on PostgreSQL is started with the same `--data`.
 */
export async function moveToPostgres(dataDir: string, database: string): Promise<MovedTable[]> {
  const source = await openCentralDb(dataDir);
  const target = await openCentralDb(dataDir, database).catch(async (error: unknown) => {
    await source.destroy();
    throw error;
  });
  const sqlite = sqliteHandleOf(source);
  const client = await postgresPoolOf(target).connect();
  try {
    const tables = tablesInOrder(sqlite);
    sqlite.exec('BEGIN IMMEDIATE');
    await client.query('BEGIN');
    for (const table of tables) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`);
      if ((rows[0]?.n ?? 0) > 0)
        throw new Error(`the PostgreSQL database already holds rows in "${table}": move into an empty database (createdb a new one)`);
    }
    for (const table of tables) await copyTable(sqlite, client, table);
    // An identity column (the ledger's position) goes on after the highest value copied.
    const identities = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
    );
    for (const { table_name: table, column_name: column } of identities.rows)
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
        [table, column],
      );
    const moved: MovedTable[] = [];
    for (const table of tables) {
      const expected =
        sqlite
          .prepare<[], number>(`SELECT count(*) FROM ${quote(table)}`)
          .pluck()
          .get() ?? 0;
      const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`);
      const copied = rows[0]?.n ?? 0;
      if (copied !== expected) throw new Error(`"${table}": ${String(copied)} rows copied of ${String(expected)}`);
      moved.push({ table, rows: copied });
    }
    await client.query('COMMIT');
    return moved;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    client.release();
    await target.destroy();
    await source.destroy();
  }
}

async function copyTable(sqlite: BetterSqlite3.Database, client: pg.ClientBase, table: string): Promise<void> {
  const columns = sqlite
    .prepare<[], { name: string }>(`PRAGMA table_info(${quote(table)})`)
    .all()
    .map((column) => column.name);
  const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const insert = (rows: readonly unknown[][]) =>
    client.query(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${rows
        .map((_, row) => `(${columns.map((__, column) => `$${String(row * columns.length + column + 1)}`).join(', ')})`)
        .join(', ')}`,
      rows.flat(),
    );
  let chunk: unknown[][] = [];
  // Read in the table's own order (rowid or primary key), a chunk at a time: a large record never sits in memory whole.
  for (const row of sqlite
    .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`)
    .raw()
    .iterate() as Iterable<unknown[]>) {
    chunk.push(row);
    if (chunk.length === perInsert) {
      await insert(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await insert(chunk);
}
