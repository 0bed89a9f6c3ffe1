import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { sha256Hex } from './secrets.js';

/**
 * Anonymous ballots on phones: one vote per browser (the phone session
 * remembers it), and per address at most this many a minute, so a script
 * that clears its cookies is slowed and shows up. A branch's visitors behind
 * one Wi-Fi address stay well under it; what is refused is counted for staff.
 */
export const ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE = 10;
/** Attempts are kept this long, no longer: the address is personal data, even hashed. */
const KEEP_MS = 60 * 60 * 1000;

/** Whether this anonymous vote may go on; either way the attempt is counted (refused ones flag the ballot). */
export async function admitAnonymousVote(
  db: Kysely<CentralDatabase>,
  ballotId: string,
  address: string,
  now = Date.now(),
): Promise<boolean> {
  const addressSha256 = sha256Hex(`psh-phone-vote/v1\n${ballotId}\n${address}`);
  return db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('phone_vote_attempts')
      .where('at', '<', new Date(now - KEEP_MS).toISOString())
      .execute();
    const recent = await trx
      .selectFrom('phone_vote_attempts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('ballot_id', '=', ballotId)
      .where('address_sha256', '=', addressSha256)
      .where('refused', '=', 0)
      .where('at', '>=', new Date(now - 60_000).toISOString())
      .executeTakeFirst();
    const admitted = Number(recent?.count ?? 0) < ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE;
    await trx
      .insertInto('phone_vote_attempts')
      .values({ ballot_id: ballotId, address_sha256: addressSha256, at: new Date(now).toISOString(), refused: admitted ? 0 : 1 })
      .execute();
    return admitted;
  });
}

/** Anonymous phone votes refused for this ballot in the last hour (shown to staff with the tally). */
export async function refusedPhoneVotes(db: Kysely<CentralDatabase>, ballotId: string): Promise<number> {
  const row = await db
    .selectFrom('phone_vote_attempts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ballot_id', '=', ballotId)
    .where('refused', '=', 1)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
