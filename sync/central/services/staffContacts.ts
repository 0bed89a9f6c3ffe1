import type { Kysely } from 'kysely';
import { checkContact } from '../../protocol/contact.js';
import type { CentralDatabase } from '../db/schema.js';
import { noticesOf, storedNotices, type StaffNotice } from './staffNotices.js';
import { TEAMS } from './feedback.js';
import { failure, refusal, success, type Outcome } from './outcome.js';

type Team = (typeof TEAMS)[number];
const isTeam = (team: string): team is Team => (TEAMS as readonly string[]).includes(team);

/** An e-mail address, or null for an empty one (which stops every notice); a refusal names the field. */
function staffEmail(given: string): Outcome<string | null> {
  const email = given.trim();
  if (email === '') return success(null);
  const checked = checkContact(email);
  if ('problem' in checked || checked.kind !== 'email') return refusal('staffEmailInvalid', { field: 'email' });
  return success(checked.value);
}

/**
 * Where a staff member is told (notifications), set by an operator: an e-mail
 * address, the one branch they are told about (otherwise every branch), and a
 * responder's team (otherwise every team). An empty e-mail stops every notice.
 */
export async function setStaffContact(
  db: Kysely<CentralDatabase>,
  username: string,
  contact: { email: string; branchId?: string | undefined; team?: string | undefined },
): Promise<Outcome<{ email: string | null; branchId: string | null; team: string | null }>> {
  const email = staffEmail(contact.email);
  if (!email.ok) return { ok: false, problems: email.problems };
  const team = contact.team?.trim() || null;
  if (team !== null && !isTeam(team)) return failure(`one of ${TEAMS.join(', ')}`, 'team');
  const branchId = contact.branchId?.trim() || null;
  const updated = await db
    .updateTable('staff_users')
    .set({ email: email.value, branch_id: branchId, team })
    .where('username', '=', username)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return failure(`no staff account "${username}"`, 'user');
  return success({ email: email.value, branchId, team });
}

/** What a member sees on their own account page: where they are told, and of what. */
export async function staffNoticeSettings(db: Kysely<CentralDatabase>, username: string) {
  const row = await db
    .selectFrom('staff_users')
    .select(['role', 'email', 'branch_id', 'team', 'notices'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row && { ...row, chosen: noticesOf(row.role, row.notices) };
}

/** A member's own choice, from the console: their address and which of their role's notices they want. */
export async function chooseStaffNotices(
  db: Kysely<CentralDatabase>,
  username: string,
  choice: { email: string; notices: readonly StaffNotice[] },
): Promise<Outcome<null>> {
  const email = staffEmail(choice.email);
  if (!email.ok) return { ok: false, problems: email.problems };
  await db
    .updateTable('staff_users')
    .set({ email: email.value, notices: storedNotices(choice.notices) })
    .where('username', '=', username)
    .execute();
  return success(null);
}
