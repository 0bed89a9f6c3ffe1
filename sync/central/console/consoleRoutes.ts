import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase, FeedbackStatus } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import type { FiguresCache } from '../services/feedbackFigures.js';
import {
  addNote,
  assignTeam,
  findFeedback,
  inboxPage,
  MAX_NOTE,
  MAX_RESPONSE,
  notesOf,
  respond,
  responsesOf,
  setStatus,
  type ActionResult,
  type InboxFilter,
} from '../services/feedback.js';
import type { SealingKey } from '../services/sealingKey.js';
import { serviceNames } from '../services/serviceNames.js';
import { signIn, signOut, SESSION_HOURS } from '../services/staffAuth.js';
import { voiceMessagePath } from '../services/voiceAttachment.js';
import { loginPage } from './consolePages.js';
import { InboxQuery, LoginForm, StatusForm, TeamForm, TextForm } from './consoleForms.js';
import { parseInput } from '../http/formInput.js';
import { CONSOLE_LANGUAGE_COOKIE, consoleLanguageOf, consoleTexts, type ConsoleTexts } from './consoleTexts.js';
import { feedbackDetailPage, inboxPage as renderInbox } from './inboxPages.js';
import { sendPage } from '../web/layout.js';
import { fieldOf, trackingCodeParam } from '../http/fields.js';
import { isSameOriginPost } from '../http/sameOrigin.js';
import { requireStaff, STAFF_COOKIE } from './staffGuard.js';
import { sendVoiceMessage } from '../http/voiceReply.js';

/** A query or params field; an empty one counts as absent. */
const queryField = (query: unknown, name: string): string | undefined => fieldOf(query, name) || undefined;

/** Only our own console paths are followed after sign-in (no open redirect). */
const safeNext = (next: string): string => (/^\/console(\/[A-Za-z0-9/_?=&%.-]*)?$/.test(next) ? next : '/console/feedback');

export interface ConsoleDeps {
  readonly db: Kysely<CentralDatabase>;
  readonly uploadDir: string;
  readonly sealingKey: SealingKey;
  readonly figures: FiguresCache;
  /** Set the Secure flag on the session cookie (Central behind HTTPS). */
  readonly secureCookies: boolean;
}

/** The staff console: sign-in, the feedback inbox and each feedback's page and actions. */
export function consoleRoutes({ db, uploadDir, sealingKey, figures, secureCookies }: ConsoleDeps) {
  return (app: FastifyInstance): void => {
    const responders = requireStaff(db, ['admin', 'responder']);
    const signedIn = requireStaff(db, ['admin', 'editor', 'responder']);
    const hidden = { schema: { hide: true }, config: { rateLimit: false as const } };

    app.get('/console', { ...hidden, preHandler: signedIn }, async (request, reply) =>
      reply.redirect(request.staff?.role === 'editor' ? '/console/content' : '/console/feedback', 303),
    );

    app.get('/console/login', hidden, async (request, reply) =>
      sendPage(reply, loginPage(consoleTexts(consoleLanguageOf(request)), safeNext(queryField(request.query, 'next') ?? ''))),
    );

    // The console's language, kept in a cookie for a year: Georgian unless a staff member chooses English.
    app.get('/console/language/:lang', hidden, async (request, reply) => {
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
      { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
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

    app.post('/console/logout', { ...hidden, preHandler: signedIn }, async (request, reply) => {
      await signOut(db, request.cookies[STAFF_COOKIE]);
      void reply.clearCookie(STAFF_COOKIE, { path: '/' });
      return reply.redirect('/console/login', 303);
    });

    app.get('/console/feedback', { ...hidden, preHandler: responders }, async (request, reply) => {
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

    const showDetail = async (
      request: FastifyRequest,
      reply: FastifyReply,
      code: string,
      outcome?: { flash?: string; error?: string; status?: number },
    ) => {
      const row = await findFeedback(db, code);
      const session = request.staff;
      if (!session) throw new Error('staff guard did not run');
      if (!row) return reply.code(404).send({ error: 'not-found', message: 'No feedback has this code' });
      const [responses, notes, names] = await Promise.all([responsesOf(db, code), notesOf(db, code), serviceNames(db, session.t.lang)]);
      // Opened only here, for the page a responder is reading; never logged or stored in clear.
      const contact = row.contact_sealed ? (sealingKey.open(row.contact_sealed) ?? session.t.detail.cannotOpen) : null;
      return sendPage(
        reply,
        feedbackDetailPage({
          session,
          row,
          responses,
          notes,
          contact,
          serviceName: names(row.service_id),
          now: Date.now(),
          flash: outcome?.flash,
          error: outcome?.error,
        }),
        outcome?.status ?? 200,
      );
    };

    const codeOf = (request: FastifyRequest): string | undefined => trackingCodeParam(request.params);

    app.get('/console/feedback/:code', { ...hidden, preHandler: responders }, async (request, reply) => {
      const code = codeOf(request);
      if (!code) return reply.code(404).send({ error: 'not-found', message: 'No feedback has this code' });
      return showDetail(request, reply, code);
    });

    app.get('/console/feedback/:code/voice.wav', { ...hidden, preHandler: responders }, async (request, reply) => {
      const code = codeOf(request);
      const row = code ? await findFeedback(db, code) : undefined;
      const path =
        row?.device_id && row.submission_id ? await voiceMessagePath(db, uploadDir, row.device_id, row.submission_id) : undefined;
      return sendVoiceMessage(reply, path);
    });

    /** Runs a staff action from a form and shows the page again with what happened (or what to fix: a `field: problem` text). */
    const action =
      (
        run: (code: string, body: unknown, actor: string, t: ConsoleTexts) => Promise<ActionResult | `${string}: ${string}`>,
        done: (t: ConsoleTexts) => string,
      ) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const code = codeOf(request);
        const actor = request.staff?.username;
        const t = request.staff?.t;
        if (!code || !actor || !t) return reply.code(404).send({ error: 'not-found', message: 'No feedback has this code' });
        const result = await run(code, request.body, actor, t);
        if (result === 'done') {
          figures.invalidate();
          return showDetail(request, reply, code, { flash: done(t) });
        }
        if (result === 'not-found') return reply.code(404).send({ error: 'not-found', message: 'No feedback has this code' });
        return showDetail(request, reply, code, {
          error: result === 'not-allowed' ? t.actions.notPossible : result,
          status: 400,
        });
      };

    app.post(
      '/console/feedback/:code/respond',
      { ...hidden, preHandler: responders },
      action(
        async (code, body, actor, t) => {
          const form = parseInput(TextForm, body);
          const text = form.ok ? form.value.text : '';
          if (!text) return t.actions.writeResponse as `text: ${string}`;
          if (text.length > MAX_RESPONSE) return t.actions.tooLong(MAX_RESPONSE) as `text: ${string}`;
          return respond(db, code, text, actor);
        },
        (t) => t.actions.published,
      ),
    );

    app.post(
      '/console/feedback/:code/note',
      { ...hidden, preHandler: responders },
      action(
        async (code, body, actor, t) => {
          const form = parseInput(TextForm, body);
          const text = form.ok ? form.value.text : '';
          if (!text) return t.actions.writeNote as `text: ${string}`;
          if (text.length > MAX_NOTE) return t.actions.tooLong(MAX_NOTE) as `text: ${string}`;
          return addNote(db, code, text, actor);
        },
        (t) => t.actions.noted,
      ),
    );

    app.post(
      '/console/feedback/:code/assign',
      { ...hidden, preHandler: responders },
      action(
        async (code, body, actor, t) => {
          const form = parseInput(TeamForm, body);
          if (!form.ok) return t.actions.chooseTeam as `team: ${string}`;
          return assignTeam(db, code, form.value.team, actor);
        },
        (t) => t.actions.assigned,
      ),
    );

    app.post(
      '/console/feedback/:code/status',
      { ...hidden, preHandler: responders },
      action(
        async (code, body, actor, t) => {
          const form = parseInput(StatusForm, body);
          if (!form.ok) return t.actions.chooseStatus as `status: ${string}`;
          return setStatus(db, code, form.value.status, actor);
        },
        (t) => t.actions.statusChanged,
      ),
    );
  };
}
