import type { FastifyInstance } from 'fastify';
import { SITE_CSS } from '../web/siteCss.js';
import { publicLanguageOf, withLang } from './publicTexts.js';

/** The stylesheet and the front door: the public record starts at the 24-hour figures. */
export function siteRoutes(app: FastifyInstance): void {
  app.get('/static/site.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );
  // The reader's language goes with them: a shared English link to the front door opens the figures in English.
  app.get('/', { schema: { hide: true } }, async (request, reply) =>
    reply.redirect(withLang(publicLanguageOf(request.query), '/figures'), 303),
  );
}
