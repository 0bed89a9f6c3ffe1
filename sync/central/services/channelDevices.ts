import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { centralNow } from './clock.js';

/**
 * Phones that open a desk's QR code submit through a "channel device" of the
 * desk's branch: a row in `devices` with channel 'phone', no key (nothing can
 * sign requests as it; requestVerification refuses it) and left out of the
 * fleet. Ingest, votes, feedback clocks, tallies and the public record then
 * treat a phone's submission exactly as a kiosk's, and its entries say
 * `"channel":"phone"`.
 */
export const phoneDeviceId = (branchId: string): string => `phone-${branchId}`;

/** The web site's one channel device: its submissions belong to no branch, so their branch is "web". */
export const WEB_DEVICE_ID = 'web';
export const WEB_BRANCH_ID = 'web';

/** The channel device a submission comes through, created the first time it is needed: the branch's phone device, or the web's. */
export async function ensureChannelDevice(db: Kysely<CentralDatabase>, channel: 'phone' | 'web', branchId: string): Promise<string> {
  const id = channel === 'web' ? WEB_DEVICE_ID : phoneDeviceId(branchId);
  await db
    .insertInto('devices')
    .values({
      id,
      kiosk_id: channel,
      branch_id: channel === 'web' ? WEB_BRANCH_ID : branchId,
      public_key: '',
      enrolled_at: centralNow().toISOString(),
      channel,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}
