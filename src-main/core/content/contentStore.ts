import type { Database } from 'better-sqlite3';
import { ContentPack } from '../../../sync/protocol/contentPack.js';

/** Content packs cached in the kiosk db; the newest is what new sessions get. */
export function createContentStore(db: Database, bundledPack: ContentPack) {
  const latest = db.prepare<[], { body_json: string }>('SELECT body_json FROM content_packs ORDER BY version DESC LIMIT 1');
  const byVersion = db.prepare<[number], { body_json: string }>('SELECT body_json FROM content_packs WHERE version = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO content_packs (version, body_json, stored_at) VALUES (?, ?, ?)');

  const store = (pack: ContentPack): void => {
    // Parse again: a pack is only stored if it is valid, whoever handed it to us.
    const valid = ContentPack.parse(pack);
    insert.run(valid.version, JSON.stringify(valid), new Date().toISOString());
  };

  // Before the first sync the kiosk still works, with the pack it was shipped with.
  if (!latest.get()) store(bundledPack);

  return {
    store,
    latest(): ContentPack {
      const row = latest.get();
      if (!row) throw new Error('content store is empty');
      return JSON.parse(row.body_json) as ContentPack;
    },
    /** A visitor mid-flow keeps the version they started with, even after a newer pack arrives. */
    get(version: number): ContentPack | undefined {
      const row = byVersion.get(version);
      return row ? (JSON.parse(row.body_json) as ContentPack) : undefined;
    },
  };
}

export type ContentStore = ReturnType<typeof createContentStore>;
