import type { Kysely } from 'kysely';
import { checkContact } from '../../protocol/contact.js';
import type { CentralDatabase } from '../db/schema.js';
import { failure, success, type Outcome } from './outcome.js';

/**
 * Where a staff member is told of deadlines (notifications): an e-mail
 * address, and optionally the one branch they answer for (otherwise every
 * branch). An empty e-mail stops the warnings.
 */
export async function setStaffContact(
  db: Kysely<CentralDatabase>,
  username: string,
  contact: { email: string; branchId?: string | undefined },
): Promise<Outcome<{ email: string | null; branchId: string | null }>> {
  const email = contact.email.trim();
  const checked = email === '' ? undefined : checkContact(email);
  if (checked && ('problem' in checked || checked.kind !== 'email')) return failure('an e-mail address, e.g. nino@psh.gov.ge', 'email');
  const branchId = contact.branchId?.trim() || null;
  const updated = await db
    .updateTable('staff_users')
    .set({ email: checked?.value ?? null, branch_id: branchId })
    .where('username', '=', username)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return failure(`no staff account "${username}"`, 'user');
  return success({ email: checked?.value ?? null, branchId });
}
