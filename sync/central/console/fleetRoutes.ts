import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { fieldOf } from '../http/fields.js';
import { listBranches } from '../services/desks.js';
import { createEnrolmentToken } from '../services/enrolment.js';
import { fleetStatus } from '../services/fleet.js';
import { kioskHistory } from '../services/kioskHistory.js';
import { sendingTrouble } from '../services/sendingTrouble.js';
import { sendPage } from '../web/layout.js';
import { fleetPage, kioskPage, type IssuedToken } from './fleetPages.js';
import { requireStaff, staffOf } from './staffGuard.js';

/** A kiosk with no heartbeat for this long is shown as silent (sync rounds come every 15 s while online). */
export const SILENT_AFTER_MINUTES = 30;
const TOKEN_TTL_HOURS = 24;

/** The fleet at Central (issue #17): admins and technicians see every kiosk and enrol new ones. */
export function fleetRoutes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    const staff = { schema: { hide: true }, preHandler: requireStaff(db, ['admin', 'technician']) };
    const show = async (request: FastifyRequest, reply: FastifyReply, issued?: IssuedToken, status = 200) =>
      sendPage(
        reply,
        fleetPage(staffOf(request), {
          fleet: await fleetStatus(db, SILENT_AFTER_MINUTES * 60_000),
          branches: await listBranches(db),
          silentAfterMinutes: SILENT_AFTER_MINUTES,
          trouble: await sendingTrouble(db),
          issued,
        }),
        status,
      );

    app.get('/console/fleet', staff, async (request, reply) => show(request, reply));

    app.get('/console/fleet/:device', staff, async (request, reply) => {
      const deviceId = fieldOf(request.params, 'device') ?? '';
      const [entry] = await fleetStatus(db, SILENT_AFTER_MINUTES * 60_000, Date.now(), deviceId);
      if (!entry) return reply.code(404).send({ error: 'not-found', message: 'device: no enrolled kiosk has this id' });
      return sendPage(reply, kioskPage(staffOf(request), entry, await kioskHistory(db, deviceId)));
    });

    // The token is shown once, in the answer to this post; Central keeps only its hash.
    app.post('/console/fleet/tokens', staff, async (request, reply) => {
      const branchId = fieldOf(request.body, 'branchId') ?? '';
      if (!(await listBranches(db)).some((branch) => branch.id === branchId))
        return reply.code(400).send({ error: 'bad-request', message: 'branchId: no branch has this id' });
      const { token, expiresAt } = await createEnrolmentToken(db, branchId, TOKEN_TTL_HOURS);
      void reply.header('cache-control', 'no-store');
      return show(request, reply, { token, branchId, expiresAt });
    });
  };
}
