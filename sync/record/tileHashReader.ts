import { HASH_SIZE, nodeHash, type Hash, type HashReader } from './merkle.js';
import { hashesAtTileLevel, TILE_HEIGHT, TILE_WIDTH, tilePath } from './tiles.js';
import type { Fetcher } from './verifyRecord.js';

/**
 * The hashes a computation over a tree of `size` leaves reads (a consistency
 * or inclusion proof), fetched as the few hash tiles that hold them, as a
 * client of C2SP tlog-tiles does: `compute` runs once with placeholder hashes
 * to learn which complete subtrees it reads, the tiles holding them are
 * fetched, and it runs again on the real hashes. A hash at level k lies in a
 * tile of level ⌊k/8⌋; the levels between are folded from that tile.
 */
export async function withTileHashes<T>(fetch: Fetcher, size: number, compute: (read: HashReader) => T): Promise<T> {
  const wanted: { level: number; index: number }[] = [];
  compute((level, index) => {
    wanted.push({ level, index });
    return Buffer.alloc(HASH_SIZE);
  });
  const tiles = new Map<string, Buffer>();
  const found = new Map<string, Hash>();
  for (const { level, index } of wanted) {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const span = 2 ** (level - tileLevel * TILE_HEIGHT);
    const first = index * span;
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const width = Math.min(TILE_WIDTH, hashesAtTileLevel(size, tileLevel) - tileIndex * TILE_WIDTH);
    const path = tilePath({ level: tileLevel, index: tileIndex, width });
    let tile = tiles.get(path);
    if (!tile) {
      tile = await fetch(path);
      if (tile.length !== width * HASH_SIZE)
        throw new Error(`${path} holds ${String(tile.length)} bytes, not ${String(width * HASH_SIZE)}`);
      tiles.set(path, tile);
    }
    const offset = first - tileIndex * TILE_WIDTH;
    let row = Array.from({ length: span }, (_, at) => tile.subarray((offset + at) * HASH_SIZE, (offset + at + 1) * HASH_SIZE));
    while (row.length > 1) row = Array.from({ length: row.length / 2 }, (_, at) => nodeHash(row[2 * at] as Hash, row[2 * at + 1] as Hash));
    found.set(`${String(level)}/${String(index)}`, row[0] as Hash);
  }
  return compute((level, index) => {
    const hash = found.get(`${String(level)}/${String(index)}`);
    if (!hash) throw new Error(`record: hash ${String(level)}/${String(index)} was not read the first time`);
    return hash;
  });
}
