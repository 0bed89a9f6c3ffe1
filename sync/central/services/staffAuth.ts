import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendLedger } from './ledger.js';
import type { CentralDatabase, StaffRole } from '../db/schema.js';
import { newSecret, sha256Hex } from './secrets.js';
import { centralNow } from './clock.js';

/** scrypt with N = 2^15 (about 100 ms and 32 MiB here): slow for a guesser, fine for a sign-in. */
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
export const SESSION_HOURS = 8;
export const MIN_PASSWORD_LENGTH = 12;

const scryptAsync = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** "scrypt$N$r$p$salt$hash", so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Compared even when the user does not exist, so timing does not tell which usernames are real. */
let dummyHash: Promise<string> | undefined;

export async function createStaffUser(db: Kysely<CentralDatabase>, username: string, password: string, role: StaffRole): Promise<void> {
  if (!/^[a-z0-9._-]{2,40}$/.test(username)) throw new Error('username: 2-40 characters of a-z, 0-9, dot, dash, underscore');
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('staff_users').select('role').where('username', '=', username).executeTakeFirst();
    await trx
      .insertInto('staff_users')
      .values({ username, password_hash: passwordHash, role, created_at: centralNow().toISOString(), disabled_at: null })
      .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash: passwordHash, role, disabled_at: null }))
      .execute();
    // The public record says that an account was made or its role changed, by role: never whose it is.
    if (!existing) await appendLedger(trx, 'staff.created', 'staff', { role });
    else if (existing.role !== role) await appendLedger(trx, 'staff.role-changed', 'staff', { from: existing.role, to: role });
  });
}

export interface StaffSession {
  readonly username: string;
  readonly role: StaffRole;
  readonly csrfToken: string;
}

/** Checks a password and opens a session: answers the cookie token (only its sha256 is stored). */
export async function signIn(
  db: Kysely<CentralDatabase>,
  username: string,
  password: string,
): Promise<{ token: string; session: StaffSession } | undefined> {
  const user = await db
    .selectFrom('staff_users')
    .selectAll()
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  dummyHash ??= hashPassword(newSecret());
  const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
  if (!user || !matches) return undefined;
  const token = newSecret();
  const csrfToken = newSecret();
  const now = new Date();
  await db
    .insertInto('staff_sessions')
    .values({
      token_sha256: sha256Hex(token),
      username,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return { token, session: { username, role: user.role, csrfToken } };
}

export async function sessionOf(db: Kysely<CentralDatabase>, token: string | undefined): Promise<StaffSession | undefined> {
  if (!token) return undefined;
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.username', 's.username')
    .select(['s.username', 'u.role', 's.csrf_token', 's.expires_at'])
    .where('s.token_sha256', '=', sha256Hex(token))
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < Date.now()) return undefined;
  return { username: row.username, role: row.role, csrfToken: row.csrf_token };
}

export async function signOut(db: Kysely<CentralDatabase>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('staff_sessions').where('token_sha256', '=', sha256Hex(token)).execute();
}
