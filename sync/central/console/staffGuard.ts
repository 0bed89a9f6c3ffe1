import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase, StaffRole } from '../db/schema.js';
import { sessionOf } from '../services/staffAuth.js';
import type { ConsoleSession } from './consoleSession.js';
import { consoleLanguageOf, consoleTexts } from './consoleTexts.js';
import { forbiddenPage } from './consolePages.js';
import { sendPage } from '../web/layout.js';
import { fieldOf } from '../http/fields.js';
import { isSameOriginPost } from '../http/sameOrigin.js';

export const STAFF_COOKIE = 'psh_staff';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: ConsoleSession;
  }
}

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** A form field's text, '' when absent. */
export const formField = (body: unknown, name: string): string => fieldOf(body, name) ?? '';

/**
 * A preHandler for console routes: a signed-in session with one of the
 * roles, and for every POST both a same-origin request and the session's
 * CSRF token in the form. Not signed in: to the sign-in page.
 */
export function requireStaff(db: Kysely<CentralDatabase>, roles: readonly StaffRole[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const session = await sessionOf(db, request.cookies[STAFF_COOKIE]);
    if (!session) {
      if (request.method === 'GET') await reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303);
      else await reply.code(401).send({ error: 'signed-out', message: 'Sign in again' });
      return;
    }
    if (request.method === 'POST' && (!isSameOriginPost(request) || !sameToken(formField(request.body, '_csrf'), session.csrfToken))) {
      await reply.code(403).send({ error: 'csrf', message: 'This form did not come from a console page; reload the page and try again' });
      return;
    }
    const staff: ConsoleSession = { ...session, t: consoleTexts(consoleLanguageOf(request)), path: request.url };
    if (!roles.includes(session.role)) {
      await sendPage(reply, forbiddenPage(staff, roles), 403);
      return;
    }
    request.staff = staff;
  };
}

/** The signed-in staff member of a route behind requireStaff (a missing one is a wiring bug, not a request's fault). */
export function staffOf(request: FastifyRequest): ConsoleSession {
  if (!request.staff) throw new Error('staff guard did not run');
  return request.staff;
}
