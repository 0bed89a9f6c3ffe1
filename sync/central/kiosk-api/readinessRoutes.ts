import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/** Longer than this without an answer from the database, and this process is not ready. */
const READY_WITHIN_MS = 2000;

/**
 * `/api/ready`: whether this process can serve, its database answering, for
 * the reverse proxy in front of several Centrals (and for monitoring). 200
 * with `{ status: 'ready' }`, or 503 naming the database. `/api/health` stays
 * liveness only: kiosks probe it to know the network is back, and a Central
 * whose database restarts is worth their next try, not a longer backoff.
 */
export const readinessRoutes = (db: Kysely<CentralDatabase>) => (app: FastifyInstance) => {
  app.get(
    '/api/ready',
    { schema: { tags: ['ops'], summary: 'Readiness: this process and its database answer' } },
    async (_request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      const answered = await Promise.race([
        sql`SELECT 1`
          .execute(db)
          .then(() => true)
          .catch(() => false),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), READY_WITHIN_MS);
        }),
      ]);
      clearTimeout(timer);
      return answered
        ? reply.send({ status: 'ready' })
        : reply.code(503).header('retry-after', '5').send({ status: 'unavailable', reason: 'the database does not answer' });
    },
  );
};
