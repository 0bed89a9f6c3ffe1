import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { sharedCounter } from '../http/sharedRateLimits.js';
import { PHONE_COOKIE } from './phoneContext.js';

/**
 * One visitor: their phone session (its cookie), or their address for a
 * browser that keeps no cookie. Phones in a branch share the branch's Wi-Fi
 * address, and a mobile operator's shared address carries far more: a limit
 * by address alone stopped the 21st phone of a branch half-way through the
 * survey (issue #34).
 */
const visitorKey = (request: FastifyRequest): string => {
  const session = request.cookies[PHONE_COOKIE];
  return session ? `session:${session}` : `address:${request.ip}`;
};

/** A form posted by one visitor: a person does not post one form 30 times a minute. */
export const PHONE_POST_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: visitorKey } };
/** Pages, per address: as the other public pages. */
export const PHONE_PAGE_LIMIT = { rateLimit: { max: 300, timeWindow: '1 minute' } };

/**
 * Every phone form from one address, together, and counted in the database
 * (one budget behind any number of Centrals): a visitor key costs a script
 * nothing to change, an address does. Set from a measurement:
 * 200 phones on one address each rating a desk in the same minute post 400
 * forms (tests/api/phoneSharedAddress.test.ts); 600 leaves them room, and a
 * script posting 1,000 a minute is refused past 600.
 */
export const PHONE_POSTS_PER_ADDRESS = 600;
const MINUTE_MS = 60_000;

/** Adds the address cap to every phone form post of this scope (the rate-limit plugin runs one limit per request). */
export function capPostsPerAddress(app: FastifyInstance, db: Kysely<CentralDatabase>): void {
  const count = sharedCounter(db, 'phone posts');
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.rateLimit !== PHONE_POST_LIMIT.rateLimit) return;
    const { current, ttl } = await count(request.ip, MINUTE_MS);
    if (current <= PHONE_POSTS_PER_ADDRESS) return;
    const seconds = Math.ceil(ttl / 1000);
    void reply.header('retry-after', String(seconds));
    // Answered by Central's error handler, as the rate-limit plugin's own 429: a page for a browser, JSON otherwise.
    throw Object.assign(new Error(`Too many forms from this address; retry in ${String(seconds)} s`), {
      statusCode: 429,
      code: 'too-many-requests',
    });
  });
}
