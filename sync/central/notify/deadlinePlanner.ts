import { sql, type Kysely } from 'kysely';
import type { CentralDatabase, StaffNotificationKind } from '../db/schema.js';

const HOUR = 3_600_000;

/** Who is warned, and when: responders four hours before the deadline; admins (the supervisors) one hour before, and at the breach. */
export const DEADLINE_WARNINGS: readonly { kind: StaffNotificationKind; before: number; roles: readonly string[] }[] = [
  { kind: 'deadline-soon', before: 4 * HOUR, roles: ['responder'] },
  { kind: 'deadline-near', before: 1 * HOUR, roles: ['admin'] },
  { kind: 'deadline-breached', before: 0, roles: ['admin'] },
];
/** A deadline passed longer ago than this is not warned of again (a Central back after a long stop sends nothing stale). */
const STALE_AFTER_MS = 24 * HOUR;

/**
 * Staff are warned of open feedback nearing its 24 hours, at the e-mail on
 * their account, for their branch (or every branch): keyed by the deadline
 * itself, so each warning goes once, and a reopening (a new deadline) warns
 * again. Whether the feedback is still open is checked again when it is sent.
 */
export async function planDeadlineWarnings(db: Kysely<CentralDatabase>, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  for (const warning of DEADLINE_WARNINGS) {
    const within = new Date(now.getTime() + warning.before).toISOString();
    // A warning before the deadline is for a deadline still ahead; the breach, for one passed (not too long ago).
    const after = warning.before > 0 ? at : stale;
    await sql`INSERT INTO notifications (id, kind, code, language, staff, state, attempts, created_at, next_attempt_at)
      SELECT ${warning.kind} || ':' || f.code || ':' || f.current_due_at || ':' || s.username, ${warning.kind}, f.code, 'ka', s.username,
        'pending', 0, ${at}, ${at}
      FROM feedback f JOIN staff_users s ON (s.branch_id IS NULL OR s.branch_id = f.branch_id)
      WHERE f.status IN ('received', 'in-review', 'reopened') AND f.current_due_at <= ${within} AND f.current_due_at > ${after}
        AND s.email IS NOT NULL AND s.disabled_at IS NULL AND s.role IN (${sql.join(warning.roles)})
      ON CONFLICT (id) DO NOTHING`.execute(db);
  }
}

/** Each open rating alert, once to each admin (supervisor) of its branch, or of every branch, with an e-mail. */
export async function planRatingAlertMessages(db: Kysely<CentralDatabase>, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await sql`INSERT INTO notifications (id, kind, code, language, staff, state, attempts, created_at, next_attempt_at)
    SELECT 'rating-alert:' || a.id || ':' || s.username, 'rating-alert', a.id, 'ka', s.username, 'pending', 0, ${at}, ${at}
    FROM rating_alerts a JOIN staff_users s ON (s.branch_id IS NULL OR s.branch_id = a.branch_id)
    WHERE a.closed_at IS NULL AND s.role = 'admin' AND s.email IS NOT NULL AND s.disabled_at IS NULL
    ON CONFLICT (id) DO NOTHING`.execute(db);
}
