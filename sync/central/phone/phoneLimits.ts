import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
/** Pages, per visitor: far more than a person reads, and one survey's question pages share a route. */
export const PHONE_PAGE_LIMIT = { rateLimit: { max: 300, timeWindow: '1 minute', keyGenerator: visitorKey } };

/**
 * Every phone form from one address, together, and counted in the database
 * (one budget behind any number of Centrals): a visitor key costs a script
 * nothing to change, an address does. Set from a measurement
 * (tests/api/phoneSharedAddress.test.ts): 200 phones on one address each
 * taking the demo survey in the same minute post 1,400 forms (200 rating a
 * desk post 400); 2,400 leaves them room, and a script with a new cookie for
 * every post is refused past it.
 */
export const PHONE_POSTS_PER_ADDRESS = 2_400;
/**
 * Every phone page from one address, per Central process (a page view writes
 * nothing, so it is not counted in the database): the same 200 survey takers
 * load 1,800 pages; a script inventing a cookie per page stops at 3,600.
 */
export const PHONE_PAGES_PER_ADDRESS = 3_600;
const MINUTE_MS = 60_000;

/** Refuses the request as the rate-limit plugin would: Central's error handler answers a browser with a page, a script with JSON. */
function tooMany(reply: FastifyReply, ttl: number, what: string): never {
  const seconds = Math.ceil(ttl / 1000);
  void reply.header('retry-after', String(seconds));
  throw Object.assign(new Error(`Too many ${what} from this address; retry in ${String(seconds)} s`), {
    statusCode: 429,
    code: 'too-many-requests',
  });
}

/** Adds the address caps to every phone page and form post of this scope (the rate-limit plugin runs one limit per request). */
export function capPhonesPerAddress(app: FastifyInstance, db: Kysely<CentralDatabase>): void {
  const posts = sharedCounter(db, 'phone posts');
  // The rate-limit plugin's own in-memory limiter, one budget for every phone page of this process.
  const pages = app.createRateLimit({ max: PHONE_PAGES_PER_ADDRESS, timeWindow: MINUTE_MS, keyGenerator: (request) => request.ip });
  app.addHook('preHandler', async (request, reply) => {
    const limit = request.routeOptions.config.rateLimit;
    if (limit === PHONE_POST_LIMIT.rateLimit) {
      const { current, ttl } = await posts(request.ip, MINUTE_MS);
      if (current > PHONE_POSTS_PER_ADDRESS) tooMany(reply, ttl, 'forms');
    } else if (limit === PHONE_PAGE_LIMIT.rateLimit) {
      const page = await pages(request);
      if (!page.isAllowed && page.isExceeded) tooMany(reply, page.ttl, 'pages');
    }
  });
}
