import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import type { FiguresCache } from '../services/feedbackFigures.js';
import {
  addNote,
  assignTeam,
  findFeedback,
  MAX_NOTE,
  MAX_RESPONSE,
  notesOf,
  respond,
  responsesOf,
  setStatus,
  isUnknownFeedback,
  type ActionResult,
} from '../services/feedback.js';
import type { SealingKey } from '../services/sealingKey.js';
import { serviceNames } from '../services/serviceNames.js';
import { voiceMessagePath } from '../services/voiceAttachment.js';
import { failure, problemText } from '../services/outcome.js';
import { StatusForm, TeamForm, TextForm } from './consoleForms.js';
import { parseInput } from '../http/formInput.js';
import type { ConsoleTexts } from './consoleTexts.js';
import { feedbackDetailPage } from './inboxPages.js';
import { sendPage } from '../web/layout.js';
import { trackingCodeParam } from '../http/fields.js';
import { requireStaff } from './staffGuard.js';
import { sendVoiceMessage } from '../http/voiceReply.js';
import { CONSOLE_ROUTE } from './signInRoutes.js';

type Db = Kysely<CentralDatabase>;

/** One action on a feedback's page: its path under /console/feedback/:code/, what it does, and what the page then says. */
interface FeedbackAction {
  readonly path: string;
  readonly run: (db: Db, code: string, body: unknown, actor: string, t: ConsoleTexts) => Promise<ActionResult>;
  readonly done: (t: ConsoleTexts) => string;
}

/** An action that takes a text (a response, a note): refused empty or too long, with the form's field named. */
const textAction =
  (max: number, empty: (t: ConsoleTexts) => string, save: (db: Db, code: string, text: string, actor: string) => Promise<ActionResult>) =>
  async (db: Db, code: string, body: unknown, actor: string, t: ConsoleTexts): Promise<ActionResult> => {
    const form = parseInput(TextForm, body);
    const text = form.ok ? form.value.text : '';
    if (!text) return failure(empty(t), 'text');
    if (text.length > max) return failure(t.actions.tooLong(max), 'text');
    return save(db, code, text, actor);
  };

const FEEDBACK_ACTIONS: readonly FeedbackAction[] = [
  { path: 'respond', run: textAction(MAX_RESPONSE, (t) => t.actions.writeResponse, respond), done: (t) => t.actions.published },
  { path: 'note', run: textAction(MAX_NOTE, (t) => t.actions.writeNote, addNote), done: (t) => t.actions.noted },
  {
    path: 'assign',
    run: async (db, code, body, actor, t) => {
      const form = parseInput(TeamForm, body);
      return form.ok ? assignTeam(db, code, form.value.team, actor) : failure(t.actions.chooseTeam, 'team');
    },
    done: (t) => t.actions.assigned,
  },
  {
    path: 'status',
    run: async (db, code, body, actor, t) => {
      const form = parseInput(StatusForm, body);
      return form.ok ? setStatus(db, code, form.value.status, actor) : failure(t.actions.chooseStatus, 'status');
    },
    done: (t) => t.actions.statusChanged,
  },
];

const NOT_FOUND = { error: 'not-found', message: 'No feedback has this code' } as const;

export interface FeedbackPageDeps {
  readonly db: Db;
  readonly uploadDir: string;
  readonly sealingKey: SealingKey;
  readonly figures: FiguresCache;
}

/** A feedback's page in the console: what the citizen sent (the contact opened for responders only), its voice message, and the actions on it. */
export function feedbackRoutes(app: FastifyInstance, { db, uploadDir, sealingKey, figures }: FeedbackPageDeps): void {
  const responders = requireStaff(db, ['admin', 'responder']);
  const route = { ...CONSOLE_ROUTE, preHandler: responders };
  const codeOf = (request: FastifyRequest): string | undefined => trackingCodeParam(request.params);

  const showDetail = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    outcome?: { flash?: string; error?: string; status?: number },
  ) => {
    const row = await findFeedback(db, code);
    const session = request.staff;
    if (!session) throw new Error('staff guard did not run');
    if (!row) return reply.code(404).send(NOT_FOUND);
    const [responses, notes, names] = await Promise.all([responsesOf(db, code), notesOf(db, code), serviceNames(db, session.t.lang)]);
    // Opened only here, for the page a responder is reading; never logged or stored in clear.
    const contact = row.contact_sealed ? (sealingKey.open(row.contact_sealed) ?? session.t.detail.cannotOpen) : null;
    const page = feedbackDetailPage({
      session,
      row,
      responses,
      notes,
      contact,
      serviceName: names(row.service_id),
      now: Date.now(),
      flash: outcome?.flash,
      error: outcome?.error,
    });
    return sendPage(reply, page, outcome?.status ?? 200);
  };

  app.get('/console/feedback/:code', route, async (request, reply) => {
    const code = codeOf(request);
    return code ? showDetail(request, reply, code) : reply.code(404).send(NOT_FOUND);
  });

  app.get('/console/feedback/:code/voice.wav', route, async (request, reply) => {
    const code = codeOf(request);
    const row = code ? await findFeedback(db, code) : undefined;
    const path = row?.device_id && row.submission_id ? await voiceMessagePath(db, uploadDir, row.device_id, row.submission_id) : undefined;
    return sendVoiceMessage(reply, path);
  });

  // Each action runs from its form and shows the page again with what happened, or what to fix.
  for (const action of FEEDBACK_ACTIONS)
    app.post(`/console/feedback/:code/${action.path}`, route, async (request, reply) => {
      const code = codeOf(request);
      const actor = request.staff?.username;
      const t = request.staff?.t;
      if (!code || !actor || !t) return reply.code(404).send(NOT_FOUND);
      const answer = await action.run(db, code, request.body, actor, t);
      if (answer.ok) {
        figures.invalidate();
        return showDetail(request, reply, code, { flash: action.done(t) });
      }
      if (isUnknownFeedback(answer)) return reply.code(404).send(NOT_FOUND);
      return showDetail(request, reply, code, { error: problemText(answer.problems, t.lang), status: 400 });
    });
}
