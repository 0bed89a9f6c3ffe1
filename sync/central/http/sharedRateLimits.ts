import { createRequire } from 'node:module';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { sha256Hex } from '../services/secrets.js';

type LimitStore = FastifyRateLimitStore;
type Counted = Parameters<LimitStore['incr']>[1];

/**
 * What the plugin really hands `child`: the route's rate-limit config merged
 * over the plugin's (its types say the route's options). `shared` is ours.
 */
interface RouteLimitParams {
  readonly shared?: boolean;
  readonly continueExceeding?: boolean;
  readonly exponentialBackoff?: boolean;
  readonly routeInfo?: { readonly method?: string | readonly string[]; readonly url?: string };
}

/** The plugin's own in-memory store, for the limits each process may keep alone (the package has no exports map). */
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore') as new (
  continueExceeding?: boolean,
  exponentialBackoff?: boolean,
) => LimitStore;

/**
 * A bucket's name holds a hash of the address, not the address: it is
 * personal data, even for a minute. Each counter deletes its rows whose
 * window has passed at most once a window, so the table holds the last
 * window's buckets, no history.
 */
const bucketOf = (name: string, key: string): string => `${name} ${sha256Hex(`psh-rate-limit/v1\n${name}\n${key}`)}`;

/** Counts a request under `key` in a window of `windowMs`: how many are in the window now, and for how long still. */
export type SharedCounter = (key: string, windowMs: number) => Promise<{ current: number; ttl: number }>;

/**
 * One bucket per name and key (a route and an address) in the database,
 * counted by one atomic upsert that also starts a new window when the last
 * one has passed. Every Central process on the same database (SQLite file or
 * PostgreSQL) counts into the same row, so two Centrals behind a proxy give
 * an address one budget, not one each, and a Central started later sees it too.
 */
export function sharedCounter(db: Kysely<CentralDatabase>, name: string): SharedCounter {
  let swept = 0;
  return async (key, windowMs) => {
    const now = Date.now();
    const expired = now - windowMs;
    if (swept <= expired) {
      swept = now;
      // Only this counter's own buckets: another's may count in a longer window.
      await db.deleteFrom('rate_limit_buckets').where('bucket', 'like', `${name} %`).where('window_start', '<=', expired).execute();
    }
    const row = await db
      .insertInto('rate_limit_buckets')
      .values({ bucket: bucketOf(name, key), window_start: now, hits: 1 })
      .onConflict((conflict) =>
        conflict.column('bucket').doUpdateSet({
          hits: sql`CASE WHEN rate_limit_buckets.window_start <= ${expired} THEN 1 ELSE rate_limit_buckets.hits + 1 END`,
          window_start: sql`CASE WHEN rate_limit_buckets.window_start <= ${expired} THEN excluded.window_start ELSE rate_limit_buckets.window_start END`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow();
    return { current: row.hits, ttl: Math.max(0, Number(row.window_start) + windowMs - now) };
  };
}

/** The plugin's store over a shared counter. */
function databaseBucket(db: Kysely<CentralDatabase>, route: string): LimitStore {
  const count = sharedCounter(db, route);
  return {
    incr: (key, counted, timeWindow) => {
      count(key, timeWindow).then(
        (result) => counted(null, result),
        (error: unknown) => counted(error instanceof Error ? error : new Error(String(error))),
      );
    },
    child: () => databaseBucket(db, route),
  };
}

/**
 * The rate-limit store for Central's routes: a route whose limit says
 * `shared: true` (sign-in, which guards staff passwords) counts in the
 * database; the rest (page views, where a write per request would cost more
 * than the limit saves) stay in each process's memory.
 */
export function sharedLimitStore(db: Kysely<CentralDatabase>): FastifyRateLimitStoreCtor {
  return class CentralLimitStore implements LimitStore {
    private readonly local: LimitStore;
    constructor(options: FastifyRateLimitOptions) {
      const params = options as unknown as RouteLimitParams;
      this.local = new LocalStore(params.continueExceeding, params.exponentialBackoff);
    }
    incr(key: string, counted: Counted, timeWindow: number, max: number): void {
      this.local.incr(key, counted, timeWindow, max);
    }
    child(routeOptions: Parameters<LimitStore['child']>[0]): LimitStore {
      const params = routeOptions as unknown as RouteLimitParams;
      if (!params.shared) return new LocalStore(params.continueExceeding, params.exponentialBackoff);
      const { method, url } = params.routeInfo ?? {};
      return databaseBucket(db, `${[method ?? ''].flat().join(',')} ${url ?? ''}`);
    }
  };
}
