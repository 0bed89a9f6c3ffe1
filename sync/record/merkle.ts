import { createHash, hash } from 'node:crypto';

/**
 * The Merkle tree of the public record, as RFC 6962 / RFC 9162 define it and
 * C2SP tlog-tiles publishes it: leaf hash SHA-256(0x00 || entry), interior
 * node SHA-256(0x01 || left || right), the tree of n leaves split at the
 * largest power of two below n. Node coordinates are (level, index): level 0
 * holds leaf hashes, level k the hash of leaves [index·2^k, (index+1)·2^k).
 * Only complete subtrees are ever stored; everything else is computed from
 * them, so a stored hash never changes once written.
 */
export type Hash = Buffer;

export const HASH_SIZE = 32;

// One-shot hashing over one buffer: a verifier of a million entries computes two million of these,
// and crypto.hash is about 1.6 times as fast as createHash().update()×3.digest().
const ZERO = Buffer.from([0]);

export const leafHash = (entry: Uint8Array): Hash => hash('sha256', Buffer.concat([ZERO, entry]), 'buffer');

export function nodeHash(left: Hash, right: Hash): Hash {
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 1;
  left.copy(input, 1);
  right.copy(input, 1 + left.length);
  return hash('sha256', input, 'buffer');
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Reads stored hashes of complete subtrees by (level, index). */
export type HashReader = (level: number, index: number) => Hash;

/** The hash of the leaves [lo, hi), from the stored complete subtrees (lo is aligned to the largest one). */
export function subtreeHash(lo: number, hi: number, read: HashReader): Hash {
  // Split into complete subtrees, largest first, as the tree itself is split; then fold from the right.
  const parts: Hash[] = [];
  let start = lo;
  while (start < hi) {
    let size = 1;
    let level = 0;
    while (size * 2 <= hi - start && start % (size * 2) === 0) {
      size *= 2;
      level += 1;
    }
    parts.push(read(level, start / size));
    start += size;
  }
  let hash = parts.pop();
  if (!hash) throw new Error('record: an empty subtree has no hash');
  while (parts.length > 0) hash = nodeHash(parts.pop() as Hash, hash);
  return hash;
}

/** The root of the tree of `size` leaves (the empty tree's root is SHA-256 of nothing, as RFC 9162 says). */
export const treeHash = (size: number, read: HashReader): Hash => (size === 0 ? createHash('sha256').digest() : subtreeHash(0, size, read));

/**
 * The stored hashes that leaf `index` completes: its own leaf hash, then one
 * parent per subtree it closes (index+1 ending in k one-bits closes k). Each
 * is (level, index, hash), to be stored where the reader will find it.
 */
export function hashesCompletedBy(index: number, entryHash: Hash, read: HashReader): { level: number; index: number; hash: Hash }[] {
  const out = [{ level: 0, index, hash: entryHash }];
  let hash = entryHash;
  let at = index;
  for (let level = 0; at % 2 === 1; level += 1) {
    hash = nodeHash(read(level, at - 1), hash);
    at = (at - 1) / 2;
    out.push({ level: level + 1, index: at, hash });
  }
  return out;
}

/** The stored hashes hashesCompletedBy(index) reads: one per subtree leaf `index` closes. */
export function neededForAppend(index: number): { level: number; index: number }[] {
  const needed: { level: number; index: number }[] = [];
  for (let level = 0, at = index; at % 2 === 1; level += 1, at = (at - 1) / 2) needed.push({ level, index: at - 1 });
  return needed;
}

/** The inclusion proof (RFC 9162 §2.1.3) of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(index: number, size: number, read: HashReader): Hash[] {
  if (!(index >= 0 && index < size)) throw new Error(`record: leaf ${String(index)} is not in a tree of ${String(size)}`);
  const walk = (lo: number, hi: number): Hash[] => {
    if (hi - lo === 1) return [];
    const k = splitPoint(hi - lo);
    return index < lo + k ? [...walk(lo, lo + k), subtreeHash(lo + k, hi, read)] : [...walk(lo + k, hi), subtreeHash(lo, lo + k, read)];
  };
  return walk(0, size);
}

/** Checks an inclusion proof: true when `proof` takes the leaf hash at `index` to `root` of the tree of `size`. */
export function verifyInclusion(proof: readonly Hash[], index: number, size: number, leaf: Hash, root: Hash): boolean {
  if (!(index >= 0 && index < size)) return false;
  const run = (path: readonly Hash[], lo: number, hi: number): Hash | undefined => {
    if (hi - lo === 1) return path.length === 0 ? leaf : undefined;
    const last = path.at(-1);
    if (!last) return undefined;
    const k = splitPoint(hi - lo);
    const rest = path.slice(0, -1);
    if (index < lo + k) {
      const left = run(rest, lo, lo + k);
      return left && nodeHash(left, last);
    }
    const right = run(rest, lo + k, hi);
    return right && nodeHash(last, right);
  };
  const computed = run(proof, 0, size);
  return computed !== undefined && computed.equals(root);
}

/** The consistency proof (RFC 9162 §2.1.4) that the tree of `oldSize` is a prefix of the tree of `newSize`. */
export function consistencyProof(oldSize: number, newSize: number, read: HashReader): Hash[] {
  if (!(oldSize >= 1 && oldSize <= newSize)) throw new Error(`record: no proof from ${String(oldSize)} to ${String(newSize)}`);
  const walk = (lo: number, hi: number): Hash[] => {
    if (oldSize === hi) return lo === 0 ? [] : [subtreeHash(lo, hi, read)];
    const k = splitPoint(hi - lo);
    return oldSize <= lo + k ? [...walk(lo, lo + k), subtreeHash(lo + k, hi, read)] : [...walk(lo + k, hi), subtreeHash(lo, lo + k, read)];
  };
  return walk(0, newSize);
}

/** Checks a consistency proof: true when the tree of `oldSize` with `oldRoot` is a prefix of the tree of `newSize` with `newRoot`. */
export function verifyConsistency(proof: readonly Hash[], oldSize: number, newSize: number, oldRoot: Hash, newRoot: Hash): boolean {
  if (!(oldSize >= 1 && oldSize <= newSize)) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  const run = (path: readonly Hash[], lo: number, hi: number): [Hash, Hash] | undefined => {
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
      const inner = run(rest, lo, lo + k);
      return inner && [inner[0], nodeHash(inner[1], last)];
    }
    const inner = run(rest, lo + k, hi);
    return inner && [nodeHash(last, inner[0]), nodeHash(last, inner[1])];
  };
  const result = run(proof, 0, newSize);
  return result !== undefined && result[0].equals(oldRoot) && result[1].equals(newRoot);
}

/**
 * Every complete subtree's hash over a list of leaf hashes, level by level: a
 * reader for treeHash and the proofs when all the leaves are at hand (a
 * verifier that fetched the whole log).
 */
export function levelsOf(leaves: readonly Hash[]): HashReader {
  const levels: Hash[][] = [[...leaves]];
  for (let below = levels[0] ?? []; below.length >= 2;) {
    const above: Hash[] = [];
    for (let at = 0; at + 1 < below.length; at += 2) above.push(nodeHash(below[at] as Hash, below[at + 1] as Hash));
    levels.push(above);
    below = above;
  }
  return (level, index) => {
    const hash = levels[level]?.[index];
    if (!hash) throw new Error(`record: no complete subtree ${String(level)}/${String(index)}`);
    return hash;
  };
}
