import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../../sync/central/db/schema.js';

/** One table's rows and bytes on disk (with its indexes and TOAST). */
export interface TableSize {
  readonly table: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface DatabaseSize {
  readonly tables: readonly TableSize[];
}

/** PostgreSQL's size on disk table by table (rows counted exactly), to see what a day adds and where. */
export async function databaseSize(db: Kysely<CentralDatabase>): Promise<DatabaseSize> {
  const tables = await sql<{ name: string; bytes: string }>`
    SELECT relname AS name, pg_total_relation_size(relid) AS bytes FROM pg_stat_user_tables`.execute(db);
  const sized: TableSize[] = [];
  for (const { name, bytes } of tables.rows) {
    const rows = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    sized.push({ table: name, rows: Number(rows.rows[0]?.n ?? 0), bytes: Number(bytes) });
  }
  return { tables: sized };
}

/** What the day added, table by table, the largest first. */
export function growth(before: DatabaseSize, after: DatabaseSize): TableSize[] {
  return after.tables
    .map((table) => {
      const was = before.tables.find((earlier) => earlier.table === table.table);
      return { table: table.table, rows: table.rows - (was?.rows ?? 0), bytes: table.bytes - (was?.bytes ?? 0) };
    })
    .filter((table) => table.rows !== 0 || table.bytes !== 0)
    .sort((a, b) => b.bytes - a.bytes);
}
