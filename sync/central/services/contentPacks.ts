import type BetterSqlite3 from 'better-sqlite3';
import { ContentPack } from '../../protocol/contentPack.js';

/** Published packs by version, read and parsed once each (a published version never changes). */
/** A published content pack by version, or null when no such version was published. */
export type PackReader = (version: number) => ContentPack | null;

export function createPackReader(sqlite: BetterSqlite3.Database): PackReader {
  const packBody = sqlite.prepare<[number], string>('SELECT body_json FROM content_packs WHERE version = ?').pluck();
  const packs = new Map<number, ContentPack | null>();
  return (version) => {
    if (!packs.has(version)) {
      const body = packBody.get(version);
      packs.set(version, body === undefined ? null : ContentPack.parse(JSON.parse(body)));
    }
    return packs.get(version) ?? null;
  };
}
