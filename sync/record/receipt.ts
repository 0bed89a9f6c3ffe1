import { hash } from 'node:crypto';

/*
 * A citizen's receipt. The kiosk draws a random code per submission (20
 * Crockford base32 characters, 100 bits) and gives it only to the citizen (the
 * QR code on the thank-you screen). The public record's entry carries two
 * hashes of it, never the code:
 * - `receipt`, SHA-256 of the code alone: whoever holds the code finds their
 *   entry in the public log, and nobody else can;
 * - `commitment`, SHA-256 of the code and the submission's canonical payload:
 *   the entry is bound to exactly what was submitted, yet without the code
 *   nobody can test a guess (which initiative a vote chose, say) against it.
 * The labels keep the two hashes apart from each other and from any other use.
 */

export const receiptLookup = (code: string): string => hash('sha256', `psh-receipt/v1/lookup\n${code}`, 'hex');

export const receiptCommitment = (code: string, canonicalPayload: string): string =>
  hash('sha256', `psh-receipt/v1/commitment\n${code}\n${canonicalPayload}`, 'hex');

/** The entry a receipt code finds in a (verified) log: its index and what it says, or undefined. */
export function findReceiptEntry(
  entries: readonly Uint8Array[],
  code: string,
): { readonly index: number; readonly detail: Record<string, unknown> } | undefined {
  const lookup = receiptLookup(code);
  const marker = Buffer.from(`"receipt":"${lookup}"`);
  for (const [index, entry] of entries.entries()) {
    // A byte search first: parsing a million entries to find one would cost seconds.
    if (!Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength).includes(marker)) continue;
    const parsed = JSON.parse(Buffer.from(entry).toString('utf8')) as { detail?: Record<string, unknown> };
    if (parsed.detail?.receipt === lookup) return { index, detail: parsed.detail };
  }
  return undefined;
}
