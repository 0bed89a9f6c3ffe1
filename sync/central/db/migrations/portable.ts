import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * The few statements of Central's migrations that SQLite and PostgreSQL write
 * differently. On SQLite each writes exactly what the migration wrote before
 * PostgreSQL existed, so an existing Central's schema is unchanged.
 */

/** SQLite stores a table keyed by a text or composite key without a hidden rowid; PostgreSQL has no such choice to make. */
export const withoutRowid =
  (db: Kysely<unknown>) =>
  <T extends string, C extends string>(builder: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> =>
    isPostgres(db) ? builder : builder.modifyEnd(sql`WITHOUT ROWID`);

type GuardedAction = 'UPDATE' | 'DELETE';

const refusal = (table: string, action: GuardedAction) => `the public record is append-only: ${action} on ${table} refused`;

/** Refuses every UPDATE or DELETE of a table of the public record, in the database itself. */
export async function guardAppendOnly(db: Kysely<unknown>, table: string, action: GuardedAction): Promise<void> {
  const name = `${table}_no_${action.toLowerCase()}`;
  if (!isPostgres(db)) {
    await sql
      .raw(`CREATE TRIGGER ${name} BEFORE ${action} ON ${table} BEGIN SELECT RAISE(ABORT, '${refusal(table, action)}'); END`)
      .execute(db);
    return;
  }
  // One trigger function for every guarded table; it names the table and the action it refused.
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION psh_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ` +
        `RAISE EXCEPTION 'the public record is append-only: % on % refused', TG_OP, TG_TABLE_NAME; END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${name} BEFORE ${action} ON ${table} FOR EACH ROW EXECUTE FUNCTION psh_refuse_change()`).execute(db);
}

/** Lifts a guard, inside a migration's transaction, for a statement that must run once (0010). */
export async function dropAppendOnlyGuard(db: Kysely<unknown>, table: string, action: GuardedAction): Promise<void> {
  const name = `${table}_no_${action.toLowerCase()}`;
  await sql.raw(isPostgres(db) ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`).execute(db);
}
