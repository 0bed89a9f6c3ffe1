import type { FastifyInstance } from 'fastify';
import { SITE_CSS } from '../web/siteCss.js';

/** The stylesheet and the front door: the public record starts at the 24-hour figures. */
export function siteRoutes(app: FastifyInstance): void {
  app.get('/static/site.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/figures', 303));
}
