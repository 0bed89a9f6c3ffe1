/**
 * Feedback tracking codes: 7 random Crockford base32 characters and one Luhn
 * mod 32 check character, shown as "ABCD-EFGH". Crockford's alphabet has no
 * I, L, O or U, so 1/I/L and 0/O cannot be confused (they are read as 1 and
 * 0), and the check character catches every single mistyped character and
 * most swaps of two neighbours: a typo says "check the code", never shows
 * someone else's feedback.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
export const TRACKING_CODE_LENGTH = 8;

const valueOf = (char: string): number => ALPHABET.indexOf(char);

/** Luhn mod N over the data characters, rightmost doubled first. */
export function trackingCheckChar(data: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = data.length - 1; i >= 0; i -= 1) {
    const value = valueOf(data[i] ?? '');
    if (value < 0) throw new Error(`"${data[i] ?? ''}" is not a Crockford base32 character`);
    const addend = factor * value;
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(BASE - (sum % BASE)) % BASE] ?? '0';
}

/** A new code from 35 random bits (Web Crypto: the same in Node and browsers). */
export function newTrackingCode(): string {
  const bytes = new Uint8Array(7);
  globalThis.crypto.getRandomValues(bytes);
  const data = Array.from(bytes, (byte) => ALPHABET[byte % BASE] ?? '0').join('');
  return data + trackingCheckChar(data);
}

export type TrackingCodeProblem = 'length' | 'characters' | 'check';

/**
 * What a visitor typed, as a canonical code: upper case, spaces and dashes
 * dropped, I and L read as 1, O as 0. Answers why not when it cannot be a code.
 */
export function parseTrackingCode(typed: string): { readonly code: string } | { readonly problem: TrackingCodeProblem } {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== TRACKING_CODE_LENGTH) return { problem: 'length' };
  if (![...cleaned].every((char) => valueOf(char) >= 0)) return { problem: 'characters' };
  const data = cleaned.slice(0, -1);
  if (trackingCheckChar(data) !== cleaned.slice(-1)) return { problem: 'check' };
  return { code: cleaned };
}

/** "ABCD1234" -> "ABCD-1234": two groups of four are easier to copy and to read aloud. */
export const formatTrackingCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export const TRACKING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;
