import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { fieldOf } from '../http/fields.js';
import { sendingTrouble } from '../services/sendingTrouble.js';
import { acknowledgeRatingAlert, listRatingAlerts, type RatingAlertSettings } from '../services/ratingAlerts.js';
import { sendPage } from '../web/layout.js';
import { alertsPage } from './alertPages.js';
import { requireStaff, staffOf } from './staffGuard.js';

/** Rating alerts (admins, the branches' supervisors): seen, and commented on; and whether Central's messages get out. */
export function alertRoutes(db: Kysely<CentralDatabase>, rule: RatingAlertSettings) {
  return (app: FastifyInstance): void => {
    const admins = { schema: { hide: true }, preHandler: requireStaff(db, ['admin']) };
    app.get('/console/alerts', admins, async (request, reply) =>
      sendPage(reply, alertsPage(staffOf(request), { alerts: await listRatingAlerts(db), rule, trouble: await sendingTrouble(db) })),
    );
    app.post('/console/alerts/acknowledge', admins, async (request, reply) => {
      const id = fieldOf(request.body, 'id') ?? '';
      const found = await acknowledgeRatingAlert(db, id.slice(0, 300), staffOf(request).username, fieldOf(request.body, 'comment') ?? '');
      if (!found) return reply.code(404).send({ error: 'not-found', message: 'id: no rating alert has this id', field: 'id' });
      return reply.redirect('/console/alerts', 303);
    });
  };
}
