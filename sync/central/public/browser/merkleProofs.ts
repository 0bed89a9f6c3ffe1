import { concatBytes, equalBytes, own } from './bytes.js';

/**
 * The public record's proofs checked in the browser, with WebCrypto's
 * SHA-256: RFC 6962 / RFC 9162 inclusion and consistency, the same algorithm
 * as sync/record/merkle.ts (which the known-answer vectors of
 * tests/unit/recordProtocol.test.ts pin on both sides).
 */
export type Hash = Uint8Array;

const sha256 = async (bytes: Uint8Array): Promise<Hash> => new Uint8Array(await crypto.subtle.digest('SHA-256', own(bytes)));

export const leafHash = (entry: Uint8Array): Promise<Hash> => sha256(concatBytes(Uint8Array.of(0), entry));

const nodeHash = (left: Hash, right: Hash): Promise<Hash> => sha256(concatBytes(Uint8Array.of(1), left, right));

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True when `proof` takes the leaf hash at `index` to `root` of the tree of `size`. */
export async function verifyInclusion(proof: readonly Hash[], index: number, size: number, leaf: Hash, root: Hash): Promise<boolean> {
  if (!(index >= 0 && index < size)) return false;
  const run = async (path: readonly Hash[], lo: number, hi: number): Promise<Hash | undefined> => {
    if (hi - lo === 1) return path.length === 0 ? leaf : undefined;
    const last = path.at(-1);
    if (!last) return undefined;
    const k = splitPoint(hi - lo);
    const rest = path.slice(0, -1);
    if (index < lo + k) {
      const left = await run(rest, lo, lo + k);
      return left && nodeHash(left, last);
    }
    const right = await run(rest, lo + k, hi);
    return right && nodeHash(last, right);
  };
  const computed = await run(proof, 0, size);
  return computed !== undefined && equalBytes(computed, root);
}

/** True when the tree of `oldSize` with `oldRoot` is a prefix of the tree of `newSize` with `newRoot`. */
export async function verifyConsistency(
  proof: readonly Hash[],
  oldSize: number,
  newSize: number,
  oldRoot: Hash,
  newRoot: Hash,
): Promise<boolean> {
  if (!(oldSize >= 1 && oldSize <= newSize)) return false;
  if (oldSize === newSize) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  const run = async (path: readonly Hash[], lo: number, hi: number): Promise<[Hash, Hash] | undefined> => {
    if (oldSize === hi) {
      if (lo === 0) return path.length === 0 ? [oldRoot, oldRoot] : undefined;
      const only = path[0];
      return path.length === 1 && only ? [only, only] : undefined;
    }
    const last = path.at(-1);
    if (!last) return undefined;
    const k = splitPoint(hi - lo);
    const rest = path.slice(0, -1);
    if (oldSize <= lo + k) {
      const inner = await run(rest, lo, lo + k);
      return inner && [inner[0], await nodeHash(inner[1], last)];
    }
    const inner = await run(rest, lo + k, hi);
    return inner && [await nodeHash(last, inner[0]), await nodeHash(last, inner[1])];
  };
  const result = await run(proof, 0, newSize);
  return result !== undefined && equalBytes(result[0], oldRoot) && equalBytes(result[1], newRoot);
}
