/**
 * A citizen's receipt code (sync/record/receipt.ts): 20 Crockford base32
 * characters, 100 random bits, made by the kiosk for each submission.
 */
export const RECEIPT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{20}$/;

/** A receipt code as typed or scanned, read the one way Central and the verifier read it: upper case, spaces and dashes dropped. */
export const readReceiptCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');
