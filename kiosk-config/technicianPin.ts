import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { PIN_HASH_PATTERN } from './pinHashFormat.js';

/**
 * The technician PIN is kept in the device config only as an scrypt hash
 * (`scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, base64url), set by
 * `npm run kiosk -- set-technician-pin`. A PIN is short, so the hash is
 * deliberately slow (N = 2^15, r = 8: about 32 MiB and a few tens of
 * milliseconds per try) and tries are limited on the kiosk (src-main/core/technician/pinGuard.ts).
 */
export const SCRYPT_LOG2_N = 15;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export const PIN_PATTERN = /^[0-9]{6,12}$/;

export interface PinHashParameters {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export function parsePinHash(stored: string): PinHashParameters | undefined {
  if (!PIN_HASH_PATTERN.test(stored)) return undefined;
  const [, log2N, r, p, salt, hash] = stored.split('$');
  return {
    log2N: Number(log2N),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt ?? '', 'base64url'),
    hash: Buffer.from(hash ?? '', 'base64url'),
  };
}

export function hashTechnicianPin(pin: string): string {
  if (!PIN_PATTERN.test(pin)) throw new Error('A technician PIN is 6 to 12 digits');
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(pin, salt, KEY_BYTES, { N: 2 ** SCRYPT_LOG2_N, r: SCRYPT_R, p: SCRYPT_P, maxmem: MAX_MEMORY });
  return ['scrypt', SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether a typed PIN matches the stored hash (in constant time for the comparison). */
export function verifyTechnicianPin(stored: string, typed: string): boolean {
  const parameters = parsePinHash(stored);
  if (!parameters || !PIN_PATTERN.test(typed)) return false;
  const { log2N, r, p, salt, hash } = parameters;
  const actual = scryptSync(typed, salt, hash.length, { N: 2 ** log2N, r, p, maxmem: MAX_MEMORY });
  return timingSafeEqual(actual, hash);
}
