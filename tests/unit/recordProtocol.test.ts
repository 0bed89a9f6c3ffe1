import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint, parseCheckpoint } from '../../sync/record/checkpoint.js';
import {
  consistencyProof,
  hashesCompletedBy,
  inclusionProof,
  leafHash,
  nodeHash,
  treeHash,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '../../sync/record/merkle.js';
import { openNote, parseVerifierKey, signNote, verifierKey } from '../../sync/record/note.js';
import { decodeEntryBundle, encodeEntryBundle, encodeTileIndex, parseTilePath, tilePath } from '../../sync/record/tiles.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ct-argon2020', name), 'utf8')) as T;
const b64 = (text: string) => Buffer.from(text, 'base64');

/** RFC 6962 §2.1 written out as the RFC states it, recursively over the leaves: the second implementation. */
function rfcRoot(entries: readonly Buffer[]): Hash {
  if (entries.length === 0) return createHash('sha256').digest();
  if (entries.length === 1) return leafHash(entries[0] as Buffer);
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  return nodeHash(rfcRoot(entries.slice(0, k)), rfcRoot(entries.slice(k)));
}

/** A log held in memory the way Central stores it: only the hashes each leaf completes. */
function memoryLog(entries: readonly Buffer[]) {
  const stored = new Map<string, Hash>();
  const read = (level: number, index: number) => {
    const hash = stored.get(`${String(level)}/${String(index)}`);
    if (!hash) throw new Error(`no stored hash ${String(level)}/${String(index)}`);
    return hash;
  };
  entries.forEach((entry, index) => {
    for (const node of hashesCompletedBy(index, leafHash(entry), read))
      stored.set(`${String(node.level)}/${String(node.index)}`, node.hash);
  });
  return read;
}

// The test leaves of RFC 6962's reference implementations (Certificate Transparency, Trillian).
const RFC_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) =>
  Buffer.from(hex, 'hex'),
);
const RFC_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('the public record tree (RFC 6962 / RFC 9162)', () => {
  it('gives the RFC test leaves their known roots, from stored subtrees as from the RFC written out', () => {
    const read = memoryLog(RFC_LEAVES);
    RFC_ROOTS.forEach((root, at) => {
      expect(treeHash(at + 1, read).toString('hex'), `size ${String(at + 1)}`).toBe(root);
      expect(rfcRoot(RFC_LEAVES.slice(0, at + 1)).toString('hex')).toBe(root);
    });
    expect(treeHash(0, read).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it("verifies a real Certificate Transparency log's inclusion and consistency proofs (Argon 2020)", () => {
    const sth = fixture<{ tree_size: number; sha256_root_hash: string }>('sth.json');
    const leaf = leafHash(b64(fixture<{ entries: { leaf_input: string }[] }>('entries.json').entries[0]?.leaf_input ?? ''));
    const proof = fixture<{ leaf_index: number; audit_path: string[] }>('proof.json');
    const root = b64(sth.sha256_root_hash);
    expect(verifyInclusion(proof.audit_path.map(b64), proof.leaf_index, sth.tree_size, leaf, root)).toBe(true);
    expect(verifyInclusion(proof.audit_path.map(b64), proof.leaf_index + 1, sth.tree_size, leaf, root)).toBe(false);
    const consistency = fixture<{ first: number; first_root: string; consistency: string[] }>('consistency.json');
    const path = consistency.consistency.map(b64);
    expect(verifyConsistency(path, consistency.first, sth.tree_size, b64(consistency.first_root), root)).toBe(true);
    const otherRoot = Buffer.from(b64(consistency.first_root));
    otherRoot[0] = (otherRoot[0] ?? 0) ^ 1;
    expect(verifyConsistency(path, consistency.first, sth.tree_size, otherRoot, root)).toBe(false);
  });

  it('proves and checks inclusion and consistency for every pair of sizes up to 70, and refuses any altered proof', () => {
    const entries = Array.from({ length: 70 }, (_, index) => Buffer.from(`entry ${String(index)}`));
    const read = memoryLog(entries);
    for (let size = 1; size <= 70; size += 1) {
      const root = treeHash(size, read);
      expect(root.equals(rfcRoot(entries.slice(0, size)))).toBe(true);
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(index, size, read);
        expect(verifyInclusion(proof, index, size, leafHash(entries[index] as Buffer), root)).toBe(true);
        if (proof.length > 0) {
          const bent = proof.map((hash, at) => (at === 0 ? nodeHash(hash, hash) : hash));
          expect(verifyInclusion(bent, index, size, leafHash(entries[index] as Buffer), root)).toBe(false);
        }
      }
      for (let old = 1; old <= size; old += 1) {
        const proof = consistencyProof(old, size, read);
        const oldRoot = treeHash(old, read);
        expect(verifyConsistency(proof, old, size, oldRoot, root), `${String(old)} → ${String(size)}`).toBe(true);
        if (old < size) expect(verifyConsistency(proof, old, size, root, root)).toBe(false);
      }
    }
  });
});

describe('C2SP tlog-tiles paths and entry bundles', () => {
  it('writes and reads tile paths as the spec spells them', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
    expect(encodeTileIndex(5)).toBe('005');
    expect(tilePath({ level: 1, index: 1234067, width: 8 })).toBe('tile/1/x001/x234/067.p/8');
    expect(tilePath({ level: 'entries', index: 0, width: 256 })).toBe('tile/entries/000');
    expect(parseTilePath('1/x001/x234/067.p/8')).toEqual({ level: 1, index: 1234067, width: 8 });
    expect(parseTilePath('entries/000')).toEqual({ level: 'entries', index: 0, width: 256 });
    for (const bad of ['0/5', '0/005.p/0', '0/005.p/256', '0/005.p/08', '0/x000/005', 'entries/abc', '0/005/'])
      expect(parseTilePath(bad), bad).toBeUndefined();
  });

  it('bundles entries with uint16 lengths, and refuses an entry over 65,535 bytes', () => {
    const entries = [Buffer.from('{"a":1}'), Buffer.alloc(0), Buffer.from('ქართული')];
    expect(decodeEntryBundle(encodeEntryBundle(entries))).toEqual(entries);
    expect(encodeEntryBundle([Buffer.from('ab')]).toString('hex')).toBe('00026162');
    expect(() => encodeEntryBundle([Buffer.alloc(65_536)])).toThrow(/65,535/);
    expect(() => decodeEntryBundle(Buffer.from('0005616263', 'hex'))).toThrow(/inside an entry/);
  });
});

describe('C2SP signed-note and tlog-checkpoint', () => {
  // golang.org/x/mod/sumdb/note's example: Ed25519 is deterministic, so the same key must give the same bytes.
  const PETER_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
  const PETER_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const NOTE = `${TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
  const seed = Buffer.from(PETER_SIGNER.split('+').slice(4).join('+'), 'base64').subarray(1);
  const peterKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });

  it("signs the Go note package's example byte for byte, and writes its verifier key", () => {
    expect(signNote(TEXT, 'PeterNeumann', peterKey)).toBe(NOTE);
    expect(verifierKey('PeterNeumann', createPublicKey(peterKey))).toBe(PETER_VERIFIER);
    expect(openNote(NOTE, parseVerifierKey(PETER_VERIFIER))).toBe(TEXT);
  });

  it('refuses an altered text, another key, a wrong key id; ignores unknown cosigners', () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    expect(() => openNote(NOTE.replace('cryptography', 'cryptographY'), peter)).toThrow(/does not verify/);
    const other = generateKeyPairSync('ed25519');
    expect(() => openNote(signNote(TEXT, 'PeterNeumann', other.privateKey), peter)).toThrow(/not signed by/);
    expect(() => parseVerifierKey(PETER_VERIFIER.replace('c74f20a3', 'c74f20a4'))).toThrow(/key id/);
    // transparency-dev/formats' test key, whose base64 holds a "+": its key id checks out.
    expect(parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6').keyId).toBe(0x7997405c);
    const cosigned = `${NOTE}${signNote(TEXT, 'witness.example', other.privateKey).split('\n\n')[1] ?? ''}`;
    expect(openNote(cosigned, peter)).toBe(TEXT);
  });

  it('formats and parses a checkpoint, refusing a malformed one', () => {
    const root = createHash('sha256').update('x').digest();
    const text = formatCheckpoint({ origin: 'psh.example/record', size: 42, root });
    expect(text).toBe(`psh.example/record\n42\n${root.toString('base64')}\n`);
    expect(parseCheckpoint(text)).toEqual({ origin: 'psh.example/record', size: 42, root });
    expect(() => parseCheckpoint('o\n042\nAAAA\n')).toThrow(/checkpoint/);
  });
});
