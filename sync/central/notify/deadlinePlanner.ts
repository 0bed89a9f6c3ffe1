import { sql, type Kysely } from 'kysely';
import type { CentralDatabase, StaffNotificationKind } from '../db/schema.js';
import type { StaffTimings } from './notifySettings.js';
import { OPEN_STATUSES } from '../services/feedback.js';
import { wants } from '../services/staffNotices.js';

const HOUR = 3_600_000;
const TBILISI_OFFSET_MS = 4 * HOUR;
/** Statuses still waiting for an answer, as the inbox counts them. */
export const OPEN = sql`(${sql.join(OPEN_STATUSES)})`;

/** Who is warned, and when: responders some hours before the deadline; admins (the supervisors) closer to it, and at the breach. */
const deadlineWarnings = (timings: StaffTimings): readonly { kind: StaffNotificationKind; before: number; role: string }[] => [
  { kind: 'deadline-soon', before: timings.respondersBeforeHours * HOUR, role: 'responder' },
  { kind: 'deadline-near', before: timings.supervisorsBeforeHours * HOUR, role: 'admin' },
  { kind: 'deadline-breached', before: 0, role: 'admin' },
];
/** A deadline passed longer ago than this is not warned of again (a Central back after a long stop sends nothing stale). */
const STALE_AFTER_MS = 24 * HOUR;

/**
 * Staff are warned of open feedback nearing its 24 hours, at the e-mail on
 * their account, for their branch (or every branch): keyed by the deadline
 * itself, so each warning goes once, and a reopening (a new deadline) warns
 * again. Whether the feedback is still open is checked again when it is sent.
 */
export async function planDeadlineWarnings(db: Kysely<CentralDatabase>, timings: StaffTimings, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  for (const warning of deadlineWarnings(timings)) {
    const within = new Date(now.getTime() + warning.before).toISOString();
    // A warning before the deadline is for a deadline still ahead; the breach, for one passed (not too long ago).
    const after = warning.before > 0 ? at : stale;
    await sql`INSERT INTO notifications (id, kind, code, language, staff, state, attempts, created_at, next_attempt_at)
      SELECT ${warning.kind} || ':' || f.code || ':' || f.current_due_at || ':' || s.username, ${warning.kind}, f.code, 'ka', s.username,
        'pending', 0, ${at}, ${at}
      FROM feedback f JOIN staff_users s ON (s.branch_id IS NULL OR s.branch_id = f.branch_id)
      WHERE f.status IN ${OPEN} AND f.current_due_at <= ${within} AND f.current_due_at > ${after}
        AND s.email IS NOT NULL AND s.disabled_at IS NULL AND s.role = ${warning.role} AND ${wants('deadlines')}
      ON CONFLICT (id) DO NOTHING`.execute(db);
  }
}

/**
 * Responders are told when open feedback is assigned to their team (or to
 * any team, for a responder without one), once per team and deadline: the
 * first warning of the 24 hours, at the moment the work becomes theirs.
 */
export async function planAssignmentNotices(db: Kysely<CentralDatabase>, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await sql`INSERT INTO notifications (id, kind, code, language, staff, state, attempts, created_at, next_attempt_at)
    SELECT 'team-assigned:' || f.code || ':' || f.team || ':' || f.current_due_at || ':' || s.username, 'team-assigned', f.code, 'ka',
      s.username, 'pending', 0, ${at}, ${at}
    FROM feedback f JOIN staff_users s ON (s.branch_id IS NULL OR s.branch_id = f.branch_id) AND (s.team IS NULL OR s.team = f.team)
    WHERE f.status IN ${OPEN} AND f.team IS NOT NULL AND f.current_due_at > ${at}
      AND s.email IS NOT NULL AND s.disabled_at IS NULL AND s.role = 'responder' AND ${wants('assigned')}
    ON CONFLICT (id) DO NOTHING`.execute(db);
}

/** Each open rating alert, once to each admin (supervisor) of its branch, or of every branch, with an e-mail. */
export async function planRatingAlertMessages(db: Kysely<CentralDatabase>, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await sql`INSERT INTO notifications (id, kind, code, language, staff, state, attempts, created_at, next_attempt_at)
    SELECT 'rating-alert:' || a.id || ':' || s.username, 'rating-alert', a.id, 'ka', s.username, 'pending', 0, ${at}, ${at}
    FROM rating_alerts a JOIN staff_users s ON (s.branch_id IS NULL OR s.branch_id = a.branch_id)
    WHERE a.closed_at IS NULL AND s.role = 'admin' AND s.email IS NOT NULL AND s.disabled_at IS NULL AND ${wants('alerts')}
    ON CONFLICT (id) DO NOTHING`.execute(db);
}

/**
 * Each admin's daily digest, once a Tbilisi day, from the digest's hour on:
 * keyed by the day, so a restarted Central (or a second one) sends it once,
 * and a Central started after the hour still sends that day's.
 */
export async function planDailyDigests(db: Kysely<CentralDatabase>, timings: StaffTimings, clock = new Date()): Promise<void> {
  // The sender's clock says which day and hour it is (tests hand one in); the row is due at once, in real time.
  const local = new Date(clock.getTime() + TBILISI_OFFSET_MS);
  if (local.getUTCHours() < timings.digestHour) return;
  const day = local.toISOString().slice(0, 10);
  const at = new Date().toISOString();
  await sql`INSERT INTO notifications (id, kind, code, language, staff, state, attempts, created_at, next_attempt_at)
    SELECT 'daily-digest:' || ${day} || ':' || s.username, 'daily-digest', ${day}, 'ka', s.username, 'pending', 0, ${at}, ${at}
    FROM staff_users s
    WHERE s.role = 'admin' AND s.email IS NOT NULL AND s.disabled_at IS NULL AND ${wants('digest')}
    ON CONFLICT (id) DO NOTHING`.execute(db);
}
