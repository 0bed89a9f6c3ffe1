import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/** Feedback changed longer ago than this (past its follow-up) is not looked at again: a Central down for weeks plans nothing stale. */
const LOOK_BACK_MS = 7 * 24 * 3_600_000;

/** Which answer a message is about: the position of the feedback's latest published response (1, 2, …). */
const LATEST_ANSWER = sql`CAST((SELECT max(r.position) FROM feedback_responses r WHERE r.code = feedback.code) AS TEXT)`;

/**
 * Puts the messages citizens asked for into the outbox, derived from the
 * feedback itself: received once; answered once per answer (keyed by the
 * answer's position); reopened once per reopening. The key is the outbox row's id, so a
 * Central that plans again, or two Centrals planning at once, insert each
 * message exactly once; and the request that caused it (an ingest, a staff
 * answer) never waits on the outbox.
 */
export async function planNotifications(db: Kysely<CentralDatabase>, followUpAfterMs: number, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - followUpAfterMs - LOOK_BACK_MS).toISOString();
  const answeredBefore = new Date(now.getTime() - followUpAfterMs).toISOString();
  // "Was it resolved?", once per answer, when the answer has stood for the follow-up's days without a reopening.
  await sql`INSERT INTO notifications (id, kind, code, language, state, attempts, created_at, next_attempt_at)
    SELECT 'feedback-followup:' || code || ':' || ${LATEST_ANSWER}, 'feedback-followup', code, language, 'pending', 0, ${at}, ${at}
    FROM feedback WHERE notify = 1 AND updated_at >= ${since} AND status = 'answered' AND last_answered_at <= ${answeredBefore}
    ON CONFLICT (id) DO NOTHING`.execute(db);
  await sql`INSERT INTO notifications (id, kind, code, language, state, attempts, created_at, next_attempt_at)
    SELECT 'feedback-received:' || code, 'feedback-received', code, language, 'pending', 0, ${at}, ${at}
    FROM feedback WHERE notify = 1 AND updated_at >= ${since}
    ON CONFLICT (id) DO NOTHING`.execute(db);
  await sql`INSERT INTO notifications (id, kind, code, language, state, attempts, created_at, next_attempt_at)
    SELECT 'feedback-answered:' || code || ':' || ${LATEST_ANSWER}, 'feedback-answered', code, language, 'pending', 0, ${at}, ${at}
    FROM feedback WHERE notify = 1 AND updated_at >= ${since} AND last_answered_at IS NOT NULL
    ON CONFLICT (id) DO NOTHING`.execute(db);
  await sql`INSERT INTO notifications (id, kind, code, language, state, attempts, created_at, next_attempt_at)
    SELECT 'feedback-reopened:' || code || ':' || CAST(reopened_count AS TEXT), 'feedback-reopened', code, language, 'pending', 0, ${at}, ${at}
    FROM feedback WHERE notify = 1 AND updated_at >= ${since} AND reopened_count > 0
    ON CONFLICT (id) DO NOTHING`.execute(db);
}
