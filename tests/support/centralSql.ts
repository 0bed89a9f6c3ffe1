import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { testDatabase } from './testCentral.js';

/**
 * Runs one statement on the database of the Central whose data folder is
 * `dataDir`, past Central, as someone holding the database would: through
 * better-sqlite3 on its file, or node-postgres on its PostgreSQL database.
 * Written with `?` placeholders, numbered for PostgreSQL; `postgres` replaces
 * the text where the engines' SQL differs. Answers the rows it returns.
 */
export async function sqlOnCentral<T>(dataDir: string, text: string, params: readonly unknown[] = [], postgres?: string): Promise<T[]> {
  const database = await testDatabase(dataDir);
  if (!database) {
    const sqlite = new BetterSqlite3(join(dataDir, 'central.sqlite'));
    try {
      const statement = sqlite.prepare(text);
      return statement.reader ? (statement.all(...params) as T[]) : (statement.run(...params), []);
    } finally {
      sqlite.close();
    }
  }
  let position = 0;
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    const numbered = (postgres ?? text).replace(/\?/g, () => `$${String((position += 1))}`);
    return (await client.query(numbered, [...params])).rows as T[];
  } finally {
    await client.end();
  }
}
