import { createPublicKey } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import type { EnrolTokenRefusal } from '../../protocol/enrolment.js';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from './ledger.js';
import { newSecret, sha256Hex } from './secrets.js';

export type EnrolRefusal = EnrolTokenRefusal | 'bad-public-key';

export interface EnrolledDevice {
  readonly deviceId: string;
  readonly branchId: string;
}

/** Staff (or the CLI) make a one-time token for a branch; it expires unused. */
export async function createEnrolmentToken(
  db: Kysely<CentralDatabase>,
  branchId: string,
  ttlHours: number,
  token: string = newSecret(24),
): Promise<{ token: string; expiresAt: string }> {
  const now = Date.now();
  const expiresAt = new Date(now + ttlHours * 3_600_000).toISOString();
  await db
    .insertInto('enrolment_tokens')
    .values({
      token_sha256: sha256Hex(token),
      branch_id: branchId,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      used_at: null,
      device_id: null,
    })
    .onConflict((oc) => oc.column('token_sha256').doUpdateSet({ expires_at: expiresAt, used_at: null, device_id: null }))
    .execute();
  return { token, expiresAt };
}

const isEd25519Pem = (pem: string): boolean => {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
};

/**
 * Exchanges a one-time token and the kiosk's Ed25519 public key for a device record, atomically.
 * A kiosk that names its branch is refused a token made for another one, and the token stays unused.
 */
export async function enrolDevice(
  db: Kysely<CentralDatabase>,
  token: string,
  kioskId: string,
  publicKey: string,
  branchId?: string,
): Promise<EnrolledDevice | EnrolRefusal> {
  if (!isEd25519Pem(publicKey)) return 'bad-public-key';
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('enrolment_tokens').selectAll().where('token_sha256', '=', sha256Hex(token)).executeTakeFirst();
    if (!row) return 'unknown-token';
    if (row.used_at) return 'token-used';
    const now = new Date();
    if (Date.parse(row.expires_at) <= now.getTime()) return 'token-expired';
    if (branchId !== undefined && branchId !== row.branch_id) return 'wrong-branch';
    const device = { deviceId: uuidv4(), branchId: row.branch_id };
    await trx
      .insertInto('devices')
      .values({
        id: device.deviceId,
        kiosk_id: kioskId,
        branch_id: row.branch_id,
        public_key: publicKey,
        enrolled_at: now.toISOString(),
        revoked_at: null,
      })
      .execute();
    // The WHERE makes the token single-use even if two kiosks race with it.
    const used = await trx
      .updateTable('enrolment_tokens')
      .set({ used_at: now.toISOString(), device_id: device.deviceId })
      .where('token_sha256', '=', row.token_sha256)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n) throw new Error('enrolment token was used concurrently');
    await appendLedger(trx, 'device.enrolled', device.deviceId, { kioskId, branchId: row.branch_id });
    return device;
  });
}

/** Revokes a device: every later request it signs is refused with 401 revoked-device. */
export async function revokeDevice(db: Kysely<CentralDatabase>, deviceId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', deviceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return false;
    await appendLedger(trx, 'device.revoked', deviceId, {});
    return true;
  });
}
