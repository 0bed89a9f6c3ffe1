import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { signIn, signOut, SESSION_HOURS } from '../services/staffAuth.js';
import { loginPage } from './consolePages.js';
import { LoginForm } from './consoleForms.js';
import { parseInput } from '../http/formInput.js';
import { CONSOLE_LANGUAGE_COOKIE, consoleLanguageOf, consoleTexts } from './consoleTexts.js';
import { sendPage } from '../web/layout.js';
import { fieldOf } from '../http/fields.js';
import { isSameOriginPost } from '../http/sameOrigin.js';
import { requireStaff, STAFF_COOKIE } from './staffGuard.js';

/** A query or params field; an empty one counts as absent. */
export const queryField = (query: unknown, name: string): string | undefined => fieldOf(query, name) || undefined;

/** Only our own console paths are followed after sign-in (no open redirect). */
export const safeNext = (next: string): string => (/^\/console(\/[A-Za-z0-9/_?=&%.-]*)?$/.test(next) ? next : '/console/feedback');

/** Options of the console's pages: out of the OpenAPI document, and not under the public pages' rate limit. */
export const CONSOLE_ROUTE = { schema: { hide: true }, config: { rateLimit: false as const } };

/** The console's way in and out: its front door, sign-in (its own rate limit), the language choice, sign-out. */
export function signInRoutes(app: FastifyInstance, db: Kysely<CentralDatabase>, secureCookies: boolean): void {
  const signedIn = requireStaff(db, ['admin', 'editor', 'responder']);

  app.get('/console', { ...CONSOLE_ROUTE, preHandler: signedIn }, async (request, reply) =>
    reply.redirect(request.staff?.role === 'editor' ? '/console/content' : '/console/feedback', 303),
  );

  app.get('/console/login', CONSOLE_ROUTE, async (request, reply) =>
    sendPage(reply, loginPage(consoleTexts(consoleLanguageOf(request)), safeNext(queryField(request.query, 'next') ?? ''))),
  );

  // The console's language, kept in a cookie for a year: Georgian unless a staff member chooses English.
  app.get('/console/language/:lang', CONSOLE_ROUTE, async (request, reply) => {
    const lang = fieldOf(request.params, 'lang') === 'en' ? 'en' : 'ka';
    void reply.setCookie(CONSOLE_LANGUAGE_COOKIE, lang, {
      path: '/console',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      maxAge: 365 * 24 * 3600,
    });
    return reply.redirect(safeNext(queryField(request.query, 'next') ?? ''), 303);
  });

  app.post(
    '/console/login',
    // Shared by every Central on this database: behind a proxy, two processes must not give an address twice the guesses.
    { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute', shared: true } } },
    async (request, reply) => {
      const form = parseInput(LoginForm, request.body);
      // LoginForm accepts any body (every field defaults to ''): a wrong form is a wrong password, said alike.
      const { username, password } = form.ok ? form.value : { username: '', password: '' };
      const next = safeNext(form.ok ? form.value.next : '');
      const t = consoleTexts(consoleLanguageOf(request));
      if (!isSameOriginPost(request)) return sendPage(reply, loginPage(t, next, t.login.foreignForm), 403);
      const result = username && password ? await signIn(db, username, password) : undefined;
      if (!result) return sendPage(reply, loginPage(t, next, t.login.wrong), 401);
      void reply.setCookie(STAFF_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      return reply.redirect(next, 303);
    },
  );

  app.post('/console/logout', { ...CONSOLE_ROUTE, preHandler: signedIn }, async (request, reply) => {
    await signOut(db, request.cookies[STAFF_COOKIE]);
    void reply.clearCookie(STAFF_COOKIE, { path: '/' });
    return reply.redirect('/console/login', 303);
  });
}
