import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LANGUAGES } from '../../protocol/languages.js';
import { Answer } from '../../protocol/survey.js';
import type { CentralDatabase } from '../db/schema.js';
import { sha256Hex } from './secrets.js';

/** A phone visitor is forgotten this long after their last page. */
export const PHONE_SESSION_TTL_MS = 2 * 60 * 60 * 1000;

/** What a phone's flow keeps between pages: JavaScript may be off, so nothing of it lives in the page. */
export const PhoneState = z.object({
  lang: z.enum(LANGUAGES).default('ka'),
  largeText: z.boolean().default(false),
  highContrast: z.boolean().default(false),
  rating: z.object({ deskCode: z.string(), score: z.number().int().min(1).max(5) }).optional(),
  survey: z
    .object({
      id: z.string(),
      contentVersion: z.number().int().nonnegative(),
      answers: z.record(z.string(), Answer),
    })
    .optional(),
  /** The initiatives chosen on a ballot; a personal number is never kept here (it is asked on the page that sends). */
  vote: z.object({ ballotId: z.string(), contentVersion: z.number().int().nonnegative(), choices: z.array(z.string()) }).optional(),
  /** A voice message uploaded from this phone (tus, phone/voiceUploadRoutes.ts), waiting for its feedback to be sent. */
  voice: z.object({ uploadId: z.string(), size: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  /** Anonymous ballots this browser has voted on: one vote per browser. */
  votedBallots: z.array(z.string()).default([]),
  /** The last thing sent, for its confirmation page (Post/Redirect/Get). */
  done: z
    .object({
      kind: z.enum(['rating', 'feedback', 'survey', 'vote', 'proposal']),
      /** A vote that did not count: this person's earlier vote on the ballot counts. */
      notCounted: z.boolean().optional(),
      confirmationCode: z.string(),
      receiptCode: z.string(),
      trackingCode: z.string().optional(),
    })
    .optional(),
});
export type PhoneState = z.infer<typeof PhoneState>;

export interface PhoneSession {
  /** The cookie's value; only its hash is stored. */
  readonly token: string;
  /** What every form post must carry; replaced after each submission, so a replayed post is refused. */
  readonly csrfToken: string;
  readonly state: PhoneState;
}

type Db = Kysely<CentralDatabase>;
const newToken = (): string => randomBytes(24).toString('base64url');

/** The session a cookie names, if it is still alive. */
export async function loadPhoneSession(db: Db, token: string | undefined, now = Date.now()): Promise<PhoneSession | undefined> {
  if (!token || token.length > 64) return undefined;
  const row = await db
    .selectFrom('web_sessions')
    .select(['csrf_token', 'state_json', 'updated_at'])
    .where('id_sha256', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || Date.parse(row.updated_at) < now - PHONE_SESSION_TTL_MS) return undefined;
  const state = PhoneState.safeParse(JSON.parse(row.state_json));
  // A state written by an older Central that no longer parses starts over rather than failing the page.
  return { token, csrfToken: row.csrf_token, state: state.success ? state.data : PhoneState.parse({}) };
}

/** A fresh session (and the expired ones swept: each lives a couple of hours at most). */
export async function createPhoneSession(db: Db, state: PhoneState, now = Date.now()): Promise<PhoneSession> {
  const session = { token: newToken(), csrfToken: newToken(), state };
  const at = new Date(now).toISOString();
  await db
    .deleteFrom('web_sessions')
    .where('updated_at', '<', new Date(now - PHONE_SESSION_TTL_MS).toISOString())
    .execute();
  await db
    .insertInto('web_sessions')
    .values({
      id_sha256: sha256Hex(session.token),
      csrf_token: session.csrfToken,
      state_json: JSON.stringify(state),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return session;
}

/** Saves the state; `rotateCsrf` after a submission, so the same form posted again is refused. */
export async function savePhoneSession(db: Db, session: PhoneSession, state: PhoneState, rotateCsrf = false): Promise<PhoneSession> {
  const csrfToken = rotateCsrf ? newToken() : session.csrfToken;
  await db
    .updateTable('web_sessions')
    .set({ state_json: JSON.stringify(state), csrf_token: csrfToken, updated_at: new Date().toISOString() })
    .where('id_sha256', '=', sha256Hex(session.token))
    .execute();
  return { token: session.token, csrfToken, state };
}
