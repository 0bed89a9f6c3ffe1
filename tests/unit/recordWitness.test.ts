import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint } from '../../sync/record/checkpoint.js';
import { cosign, openCosignature } from '../../sync/record/cosignature.js';
import { consistencyProof, leafHash, levelsOf, treeHash } from '../../sync/record/merkle.js';
import { openNote, parseVerifierKey, rawPublicKey, signNote, verifierKey } from '../../sync/record/note.js';
import { withTileHashes } from '../../sync/record/tileHashReader.js';
import { hashesAtTileLevel, parseTilePath, TILE_HEIGHT, TILE_WIDTH, tilePath } from '../../sync/record/tiles.js';
import { inconsistency } from '../../sync/record/witness.js';

const ORIGIN = 'psh.example.ge/record';
const leavesOf = (count: number, salt = '') =>
  Array.from({ length: count }, (_, at) => leafHash(Buffer.from(`entry ${salt}${String(at)}`)));

/** Every tile of a tree, as a log serves them: a partial tile is served as the start of the tile it grew into. */
function tilesOf(leaves: Buffer[]): { get(path: string): Buffer | undefined } {
  const read = levelsOf(leaves);
  const tiles = new Map<string, Buffer>();
  for (let level = 0; hashesAtTileLevel(leaves.length, level) > 0; level += 1) {
    const count = hashesAtTileLevel(leaves.length, level);
    for (let index = 0; index * TILE_WIDTH < count; index += 1) {
      const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
      tiles.set(
        tilePath({ level, index, width }),
        Buffer.concat(Array.from({ length: width }, (_, at) => read(level * TILE_HEIGHT, index * TILE_WIDTH + at))),
      );
    }
  }
  return {
    get(path) {
      const address = parseTilePath(path.replace(/^tile\//, ''));
      if (!address || address.level === 'entries') return undefined;
      const grown = [...tiles.entries()].find(([candidate]) => candidate.startsWith(tilePath({ ...address, width: TILE_WIDTH })))?.[1];
      return tiles.get(path) ?? grown?.subarray(0, address.width * 32);
    },
  };
}

describe('C2SP tlog-cosignature (cosignature/v1)', () => {
  it('makes a line that a verifier written from the spec accepts, key id and timestamp included', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const body = formatCheckpoint({ origin: ORIGIN, size: 20852163, root: Buffer.alloc(32, 7) });
    const line = cosign(body, 'psh.example.ge/record/witness/k1', privateKey, 1679315147);
    // From the spec: "— <name> base64(key id || u64 timestamp || Ed25519 signature)", key id over 0x04.
    const [, name, encoded = ''] = /^— (\S+) (\S+)$/u.exec(line) ?? [];
    expect(name).toBe('psh.example.ge/record/witness/k1');
    const bytes = Buffer.from(encoded, 'base64');
    expect(bytes.length).toBe(4 + 8 + 64);
    const id = createHash('sha256')
      .update('psh.example.ge/record/witness/k1\n')
      .update(Buffer.from([0x04]))
      .update(rawPublicKey(publicKey))
      .digest()
      .subarray(0, 4);
    expect(bytes.subarray(0, 4)).toEqual(id);
    expect(bytes.readBigUInt64BE(4)).toBe(1679315147n);
    expect(verify(null, Buffer.from(`cosignature/v1\ntime 1679315147\n${body}`), publicKey, bytes.subarray(12))).toBe(true);
    expect(openCosignature(body, line, 'psh.example.ge/record/witness/k1', publicKey)).toEqual({ timestamp: 1679315147 });
    // Another body, name or key: not this cosignature.
    expect(openCosignature(body.replace('20852163', '20852164'), line, 'psh.example.ge/record/witness/k1', publicKey)).toBeUndefined();
    expect(openCosignature(body, line, 'psh.example.ge/record/witness/k2', publicKey)).toBeUndefined();
    expect(openCosignature(body, line, 'psh.example.ge/record/witness/k1', generateKeyPairSync('ed25519').publicKey)).toBeUndefined();
  });

  it('leaves the log’s own signature readable: a client ignores cosigners it does not know', () => {
    const log = generateKeyPairSync('ed25519');
    const witness = generateKeyPairSync('ed25519');
    const body = formatCheckpoint({ origin: ORIGIN, size: 3, root: Buffer.alloc(32, 1) });
    const note = `${signNote(body, ORIGIN, log.privateKey)}${cosign(body, 'w.example/k', witness.privateKey)}\n`;
    expect(openNote(note, parseVerifierKey(verifierKey(ORIGIN, log.publicKey)))).toBe(body);
  });
});

describe('a witness checks growth from the tiles', () => {
  it('computes from a handful of tiles the same consistency proof as from every leaf', async () => {
    const leaves = leavesOf(70_000); // three tile levels: 256^2 = 65,536
    const tiles = tilesOf(leaves);
    const all = levelsOf(leaves);
    for (const [old, size] of [
      [1, 70_000],
      [255, 257],
      [65_536, 70_000],
      [12_345, 69_999],
      [69_998, 70_000],
    ] as const) {
      const fetched: string[] = [];
      const proof = await withTileHashes(
        (path) => {
          fetched.push(path);
          return Promise.resolve(tiles.get(path) ?? Buffer.alloc(0));
        },
        size,
        (read) => consistencyProof(old, size, read),
      );
      expect(proof).toEqual(consistencyProof(old, size, all));
      expect(new Set(fetched).size).toBeLessThanOrEqual(12);
    }
  });

  it('holds for an extension, and names a rollback, a split view and a rewritten record', async () => {
    const honest = leavesOf(600);
    const forked = [...honest.slice(0, 300), ...leavesOf(300, 'forged ')];
    const at = (leaves: Buffer[], size: number) => ({ origin: ORIGIN, size, root: treeHash(size, levelsOf(leaves)) });
    const fetchOf = (leaves: Buffer[]) => {
      const tiles = tilesOf(leaves);
      return (path: string) => Promise.resolve(tiles.get(path) ?? Buffer.alloc(0));
    };
    expect(await inconsistency(fetchOf(honest), at(honest, 400), at(honest, 600))).toBeUndefined();
    expect(await inconsistency(fetchOf(honest), undefined, at(honest, 600))).toBeUndefined();
    expect(await inconsistency(fetchOf(honest), at(honest, 600), at(honest, 400))).toMatch(/shrank from 600 to 400/);
    expect(await inconsistency(fetchOf(forked), at(honest, 500), at(forked, 500))).toMatch(/two different roots for the same 500/);
    expect(await inconsistency(fetchOf(forked), at(honest, 400), at(forked, 600))).toMatch(/does not extend the 400-entry one/);
    // The fork after entry 300 does not touch the first 300: those still extend.
    expect(await inconsistency(fetchOf(forked), at(honest, 300), at(forked, 600))).toBeUndefined();
  });
});
