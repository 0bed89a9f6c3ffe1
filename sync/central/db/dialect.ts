import { PostgresAdapter, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';

type AnyDb = Kysely<any> | Transaction<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Central runs on embedded SQLite (the default) or on PostgreSQL (`--db postgres://...`): which one this handle speaks. */
export const isPostgres = (db: AnyDb): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** The larger of two numbers, as a row's value: SQLite's scalar max(a, b), PostgreSQL's GREATEST(a, b). */
export function greatest<T>(
  db: AnyDb,
  a: RawBuilder<T> | ReturnType<typeof sql.ref>,
  b: RawBuilder<T> | ReturnType<typeof sql.ref>,
): RawBuilder<T> {
  return isPostgres(db) ? sql<T>`greatest(${a}, ${b})` : sql<T>`max(${a}, ${b})`;
}
