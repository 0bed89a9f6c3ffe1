import pg from 'pg';

/** PostgreSQL's type ids whose text Central reads as JavaScript numbers. */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * Central's columns are `bigint` on PostgreSQL (see centralPostgresDialect.ts),
 * and count(*) is one too: node-postgres hands both back as strings, since a
 * bigint may exceed 2^53. Central's never do (epoch milliseconds, counts, log
 * indexes), so they are read as numbers, and a value that would lose precision
 * is an error rather than a silently different number.
 */
function bigintAsNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`PostgreSQL returned ${text}, beyond what Central reads exactly`);
  return value;
}

const types = {
  getTypeParser: ((id: number, format?: 'text' | 'binary'): unknown => {
    if (id === INT8) return bigintAsNumber;
    if (id === NUMERIC) return (text: string) => Number(text);
    return pg.types.getTypeParser(id, format) as unknown;
  }) as typeof pg.types.getTypeParser,
};

/** Connections per Central process: ingest holds one for its group commit, pages and staff share the rest. */
const POOL_SIZE = 10;

/** A pool on Central's database, its URL checked before anything connects. */
export function openPostgresPool(url: string): pg.Pool {
  const parsed = (() => {
    try {
      return new URL(url);
    } catch {
      throw new Error(`--db / PSH_CENTRAL_DB: "${url}" is not a URL (postgres://USER@HOST:PORT/DATABASE)`);
    }
  })();
  if (parsed.pathname.length <= 1)
    throw new Error(`--db / PSH_CENTRAL_DB: "${url}" names no database (postgres://USER@HOST:PORT/DATABASE)`);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types });
  // The pool listens for errors only on idle connections. One that PostgreSQL drops while a request holds it
  // (a restart, a terminated backend) would emit an error nobody hears, and end the process: the query in
  // flight or the next one on it fails instead, and the pool discards it when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
