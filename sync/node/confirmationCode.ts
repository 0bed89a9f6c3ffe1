import { randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a visitor cannot confuse 1/I/L or 0/O. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short code the visitor can note down or read aloud; unique enough per kiosk and day. */
export function newConfirmationCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
