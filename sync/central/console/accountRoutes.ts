import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { STAFF_ROLES, type CentralDatabase } from '../db/schema.js';
import { fieldOf } from '../http/fields.js';
import { NOTICES_OF_ROLE } from '../services/staffNotices.js';
import { problemMessage } from '../services/outcome.js';
import { chooseStaffNotices, staffNoticeSettings } from '../services/staffContacts.js';
import { sendPage } from '../web/layout.js';
import { accountPage, type AccountView } from './accountPages.js';
import { requireStaff, staffOf } from './staffGuard.js';

/** Each staff member's own page: the e-mail they are told at, and which of their role's notices they want. */
export function accountRoutes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    const anyone = { schema: { hide: true }, preHandler: requireStaff(db, STAFF_ROLES) };
    const show = async (request: FastifyRequest, reply: FastifyReply, view: Omit<AccountView, 'settings'>, status = 200) => {
      const session = staffOf(request);
      const settings = await staffNoticeSettings(db, session.username);
      if (!settings) return reply.code(404).send({ error: 'not-found', message: 'this staff account no longer exists' });
      return sendPage(reply, accountPage(session, { ...view, settings }), status);
    };
    app.get('/console/account', anyone, async (request, reply) => show(request, reply, {}));
    app.post('/console/account', anyone, async (request, reply) => {
      const session = staffOf(request);
      const email = fieldOf(request.body, 'email') ?? '';
      // A box left unticked is not sent at all: what is ticked is what they want, of what their role is offered.
      const notices = NOTICES_OF_ROLE[session.role].filter((notice) => fieldOf(request.body, `notice-${notice}`) === 'on');
      const outcome = await chooseStaffNotices(db, session.username, { email: email.slice(0, 320), notices });
      if (!outcome.ok) {
        const error = outcome.problems.map((problem) => problemMessage(problem, session.t.lang)).join('; ');
        return show(request, reply, { error, typedEmail: email }, 400);
      }
      return show(request, reply, { saved: true });
    });
  };
}
