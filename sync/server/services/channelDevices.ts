import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';

/**
 * Phones that open a desk's QR code submit through a "channel device" of the
 * desk's branch: a row in `devices` with channel 'phone', no key (nothing can
 * sign requests as it; requestVerification refuses it) and left out of the
 * fleet. Ingest, votes, feedback clocks, tallies and the public record then
 * treat a phone's submission exactly as a kiosk's, and its entries say
 * `"channel":"phone"`.
 */
export const phoneDeviceId = (branchId: string): string => `phone-${branchId}`;

/** The branch's phone device, created the first time a phone submits there. */
export async function ensurePhoneDevice(db: Kysely<CentralDatabase>, branchId: string): Promise<string> {
  const id = phoneDeviceId(branchId);
  await db
    .insertInto('devices')
    .values({ id, kiosk_id: 'phone', branch_id: branchId, public_key: '', enrolled_at: new Date().toISOString(), channel: 'phone' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}
