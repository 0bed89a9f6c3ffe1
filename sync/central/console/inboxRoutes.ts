import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase, FeedbackStatus } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import { inboxPage, type InboxFilter } from '../services/feedback.js';
import { serviceNames } from '../services/serviceNames.js';
import { InboxQuery } from './consoleForms.js';
import { parseInput } from '../http/formInput.js';
import { inboxPage as renderInbox } from './inboxPages.js';
import { sendPage } from '../web/layout.js';
import { requireStaff } from './staffGuard.js';
import { CONSOLE_ROUTE } from './signInRoutes.js';

/** The feedback inbox: filtered, paged, for responders and admins. */
export function inboxRoutes(app: FastifyInstance, db: Kysely<CentralDatabase>): void {
  const responders = requireStaff(db, ['admin', 'responder']);
  app.get('/console/feedback', { ...CONSOLE_ROUTE, preHandler: responders }, async (request, reply) => {
    // Every field has a fallback: a stale or hand-edited link still shows the inbox, filtered by what is valid.
    const query = parseInput(InboxQuery, request.query);
    if (!query.ok) throw new Error('InboxQuery has a fallback for every field');
    const { page, ...chosen } = query.value;
    const filter: InboxFilter = { ...chosen, status: chosen.status as FeedbackStatus | 'all' };
    const session = request.staff;
    if (!session) throw new Error('staff guard did not run');
    const [{ rows, hasMore }, names, pack, branches] = await Promise.all([
      inboxPage(db, filter, page),
      serviceNames(db, session.t.lang),
      latestContentPack(db),
      // Read from the (branch_id, current_due_at) index, not the table.
      db.selectFrom('feedback').select('branch_id').distinct().orderBy('branch_id').execute(),
    ]);
    return sendPage(
      reply,
      renderInbox({
        session,
        filter,
        rows,
        hasMore,
        page,
        branches: branches.map((b) => b.branch_id),
        serviceName: names,
        serviceIds: pack?.services.map((s) => s.id) ?? [],
        now: Date.now(),
      }),
    );
  });
}
