import { sql, type RawBuilder } from 'kysely';
import type { StaffRole } from '../db/schema.js';

/** What a staff member can be told of by e-mail. */
export const STAFF_NOTICES = ['assigned', 'deadlines', 'alerts', 'digest'] as const;
export type StaffNotice = (typeof STAFF_NOTICES)[number];

/**
 * Who can be told what: a responder of feedback assigned to their team and of
 * deadlines; an admin (the branch's supervisor) of deadlines, rating alerts
 * and the daily digest. Each is on until its owner turns it off in the console.
 */
export const NOTICES_OF_ROLE: Readonly<Record<StaffRole, readonly StaffNotice[]>> = {
  responder: ['assigned', 'deadlines'],
  admin: ['deadlines', 'alerts', 'digest'],
  editor: [],
  technician: [],
};

/** The notices a member gets: their role's, narrowed by what they turned off (stored null: all of them). */
export function noticesOf(role: StaffRole, stored: string | null): StaffNotice[] {
  const offered = NOTICES_OF_ROLE[role];
  if (stored === null) return [...offered];
  const chosen = stored.split(',');
  return offered.filter((notice) => chosen.includes(notice));
}

/** The stored form of a member's choice: a comma list, empty when they want nothing. */
export const storedNotices = (notices: readonly StaffNotice[]): string => notices.join(',');

/** In a planner's SQL, where staff_users is `s`: the member wants this notice. */
export const wants = (notice: StaffNotice): RawBuilder<unknown> =>
  sql`(s.notices IS NULL OR (',' || s.notices || ',') LIKE ${`%,${notice},%`})`;
