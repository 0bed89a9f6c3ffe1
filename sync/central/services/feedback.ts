import type { Kysely } from 'kysely';
import type { CentralDatabase, FeedbackStatus } from '../db/schema.js';
import { appendLedger } from './ledger.js';
import { ANSWER_WITHIN_MS } from './feedbackClock.js';
import { refusal, success, type Outcome } from './outcome.js';
import { centralNow } from './clock.js';

export type FeedbackRow = CentralDatabase['feedback'];
export type FeedbackResponse = CentralDatabase['feedback_responses'];
export type FeedbackNote = CentralDatabase['feedback_notes'];

/** Statuses that still need work: the inbox shows these by default, soonest deadline first. */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ['received', 'in-review', 'reopened'];
export const TEAMS = [
  'branch-operations',
  'civil-registry',
  'id-documents',
  'property',
  'business',
  'digital-services',
  'quality',
] as const;
/** A citizen may say "this did not help" this many times; more goes to a human by phone or in a branch. */
export const MAX_REOPENINGS = 3;
export const MAX_RESPONSE = 4000;
export const MAX_NOTE = 4000;

export interface InboxFilter {
  readonly branch?: string | undefined;
  readonly service?: string | undefined;
  readonly kind?: string | undefined;
  /** A status, 'open' (the default: anything not answered or closed) or 'all'. */
  readonly status?: FeedbackStatus | 'open' | 'all' | undefined;
}

export const INBOX_PAGE = 50;

/**
 * One page of the inbox, soonest deadline first (overdue ones on top). Each
 * filter has an index on (column, current_due_at), so the page is read in
 * deadline order and stops after a page, whatever the table's size.
 */
export async function inboxPage(db: Kysely<CentralDatabase>, filter: InboxFilter, page = 0) {
  let query = db
    .selectFrom('feedback')
    .select([
      'code',
      'branch_id',
      'service_id',
      'kind',
      'status',
      'team',
      'message',
      'has_voice',
      'clock_start_at',
      'received_at',
      'offline_delay_sec',
      'current_due_at',
      'first_answered_at',
    ])
    .orderBy('current_due_at')
    .orderBy('code')
    .limit(INBOX_PAGE + 1)
    .offset(page * INBOX_PAGE);
  if (filter.branch) query = query.where('branch_id', '=', filter.branch);
  if (filter.service) query = query.where('service_id', '=', filter.service);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const status = filter.status ?? 'open';
  if (status === 'open') query = query.where('status', 'in', OPEN_STATUSES);
  else if (status !== 'all') query = query.where('status', '=', status);
  const rows = await query.execute();
  return { rows: rows.slice(0, INBOX_PAGE), hasMore: rows.length > INBOX_PAGE };
}

export async function findFeedback(db: Kysely<CentralDatabase>, code: string): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function responsesOf(db: Kysely<CentralDatabase>, code: string): Promise<FeedbackResponse[]> {
  return db.selectFrom('feedback_responses').selectAll().where('code', '=', code).orderBy('position').execute();
}

export async function notesOf(db: Kysely<CentralDatabase>, code: string): Promise<FeedbackNote[]> {
  return db.selectFrom('feedback_notes').selectAll().where('code', '=', code).orderBy('created_at').execute();
}

/** Which statuses staff may move an item to by hand (answering and reopening have their own paths). */
const MANUAL_MOVES: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  received: ['in-review', 'closed'],
  'in-review': ['closed'],
  reopened: ['in-review', 'closed'],
  answered: ['closed'],
  closed: [],
};
export const manualMovesFrom = (status: FeedbackStatus): readonly FeedbackStatus[] => MANUAL_MOVES[status];

/** What a staff or citizen action on a feedback answers: done, or refused as unknown (`feedbackUnknown`) or not possible now (`feedbackNotPossible`). */
export type ActionResult = Outcome<null>;
const done = (): ActionResult => success(null);
const unknown = (): ActionResult => refusal('feedbackUnknown');
const notPossible = (): ActionResult => refusal('feedbackNotPossible');

/** The action was refused because no feedback has the code (a 404 rather than a 400). */
export const isUnknownFeedback = (result: ActionResult): boolean =>
  !result.ok && result.problems.some((problem) => problem.code === 'feedbackUnknown');

export async function setStatus(db: Kysely<CentralDatabase>, code: string, to: FeedbackStatus, actor: string): Promise<ActionResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('feedback').select(['status']).where('code', '=', code).executeTakeFirst();
    if (!row) return unknown();
    if (!MANUAL_MOVES[row.status].includes(to)) return notPossible();
    const now = centralNow().toISOString();
    await trx
      .updateTable('feedback')
      .set({ status: to, updated_at: now, ...(to === 'closed' ? { closed_at: now } : {}) })
      .where('code', '=', code)
      .execute();
    await appendLedger(trx, 'feedback.status', code, { from: row.status, to, by: actor });
    return done();
  });
}

export async function assignTeam(db: Kysely<CentralDatabase>, code: string, team: string, actor: string): Promise<ActionResult> {
  return db.transaction().execute(async (trx): Promise<ActionResult> => {
    const updated = await trx
      .updateTable('feedback')
      .set({ team, updated_at: centralNow().toISOString() })
      .where('code', '=', code)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) return unknown();
    await appendLedger(trx, 'feedback.assigned', code, { team, by: actor });
    return done();
  });
}

/**
 * Publishes a response to the citizen. Responses are never edited: once
 * published it is part of the public record; if it did not help, the citizen
 * reopens and staff write another.
 */
export async function respond(db: Kysely<CentralDatabase>, code: string, text: string, actor: string): Promise<ActionResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('feedback')
      .select(['status', 'first_answered_at', 'branch_id', 'current_due_at'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) return unknown();
    if (!OPEN_STATUSES.includes(row.status)) return notPossible();
    const now = centralNow().toISOString();
    const last = await trx
      .selectFrom('feedback_responses')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('code', '=', code)
      .executeTakeFirst();
    await trx
      .insertInto('feedback_responses')
      .values({ code, position: (last?.position ?? 0) + 1, text, published_at: now, author: actor })
      .execute();
    await trx
      .updateTable('feedback')
      .set({ status: 'answered', first_answered_at: row.first_answered_at ?? now, last_answered_at: now, updated_at: now })
      .where('code', '=', code)
      .execute();
    // The branch and the deadline this answer met or missed: the record itself then tells how many were answered in time.
    await appendLedger(trx, 'feedback.answered', code, { by: actor, at: now, branch: row.branch_id, dueAt: row.current_due_at });
    return done();
  });
}

export async function addNote(db: Kysely<CentralDatabase>, code: string, text: string, actor: string): Promise<ActionResult> {
  if (!(await findFeedback(db, code))) return unknown();
  await db.insertInto('feedback_notes').values({ code, created_at: centralNow().toISOString(), author: actor, text }).execute();
  return done();
}

/** The citizen says the answer did not help: back to the inbox with a fresh 24 hours. */
export async function reopen(db: Kysely<CentralDatabase>, code: string, via: string): Promise<ActionResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('feedback').select(['status', 'reopened_count']).where('code', '=', code).executeTakeFirst();
    if (!row) return unknown();
    if ((row.status !== 'answered' && row.status !== 'closed') || row.reopened_count >= MAX_REOPENINGS) return notPossible();
    const now = centralNow();
    await trx
      .updateTable('feedback')
      .set({
        status: 'reopened',
        reopened_count: row.reopened_count + 1,
        current_due_at: new Date(now.getTime() + ANSWER_WITHIN_MS).toISOString(),
        closed_at: null,
        updated_at: now.toISOString(),
      })
      .where('code', '=', code)
      .execute();
    await appendLedger(trx, 'feedback.reopened', code, { via });
    return done();
  });
}
