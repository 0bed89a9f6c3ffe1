/**
 * C2SP tlog-tiles (https://c2sp.org/tlog-tiles): the log published as
 * static, cacheable files. A tile at level L holds up to 256 consecutive
 * hashes of tree level 8·L; a full tile never changes, a partial one
 * (".p/<W>") holds the first W. The entries bundle beside level 0 holds the
 * entries themselves, each prefixed by its length (big-endian uint16).
 */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 2 ** TILE_HEIGHT;
export const MAX_ENTRY_BYTES = 0xffff;

export interface TileAddress {
  /** A hash tile's level, or 'entries' for an entry bundle. */
  readonly level: number | 'entries';
  readonly index: number;
  /** 1..256: 256 for a full tile. */
  readonly width: number;
}

/** "1234067" → "x001/x234/067": groups of three digits, every group but the last marked with x. */
export function encodeTileIndex(index: number): string {
  const digits = String(index);
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = padded.match(/\d{3}/g) ?? ['000'];
  return groups.map((group, at) => (at < groups.length - 1 ? `x${group}` : group)).join('/');
}

/** The path of a tile under the log's prefix, e.g. "tile/0/x001/234.p/17" or "tile/entries/005". */
export function tilePath({ level, index, width }: TileAddress): string {
  const partial = width < TILE_WIDTH ? `.p/${String(width)}` : '';
  return `tile/${String(level)}/${encodeTileIndex(index)}${partial}`;
}

/** Parses the part of a tile path after "tile/", or undefined when it is not a tile the spec allows. */
export function parseTilePath(path: string): TileAddress | undefined {
  const match = /^(entries|\d{1,2})\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d{1,3}))?$/.exec(path);
  if (!match) return undefined;
  const [, levelText = '', indexText = '', widthText] = match;
  const level = levelText === 'entries' ? 'entries' : Number(levelText);
  // Leading zeros only as the padding of the first group: "x000/…" would name a second path for the same tile.
  if (indexText.startsWith('x000/')) return undefined;
  const index = Number(indexText.replace(/x|\//g, ''));
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (widthText !== undefined && (String(width) !== widthText || width < 1 || width >= TILE_WIDTH)) return undefined;
  if (!Number.isSafeInteger(index)) return undefined;
  return { level, index, width };
}

/** How many hashes tree level 8·L holds in a tree of `size` leaves: the complete subtrees of 256^L leaves. */
export const hashesAtTileLevel = (size: number, level: number): number => Math.floor(size / TILE_WIDTH ** level);

/** An entry bundle: each entry prefixed by its length as a big-endian uint16. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Buffer {
  return Buffer.concat(
    entries.flatMap((entry) => {
      if (entry.length > MAX_ENTRY_BYTES) throw new Error(`record: an entry of ${String(entry.length)} bytes exceeds 65,535`);
      const length = Buffer.alloc(2);
      length.writeUInt16BE(entry.length);
      return [length, Buffer.from(entry)];
    }),
  );
}

export function decodeEntryBundle(bundle: Uint8Array): Buffer[] {
  const data = Buffer.from(bundle);
  const entries: Buffer[] = [];
  for (let at = 0; at < data.length;) {
    if (at + 2 > data.length) throw new Error('record: an entry bundle ends inside a length');
    const length = data.readUInt16BE(at);
    if (at + 2 + length > data.length) throw new Error('record: an entry bundle ends inside an entry');
    entries.push(data.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}
