import type { Database } from 'better-sqlite3';
import { ContentPack } from '../../../sync/protocol/contentPack.js';

/** Content packs cached in the kiosk db; the newest is what new sessions get. */
/** No pack in the database and none to start with: the kiosk would have nothing to show. */
export class NoContentError extends Error {
  constructor() {
    super(
      'This kiosk has no content yet: set "starterContent" in its config to a content pack file (kiosk-config/demo/demoContent.json is the demo\'s)',
    );
    this.name = 'NoContentError';
  }
}

export function createContentStore(db: Database, starterPack: ContentPack | undefined) {
  const latest = db.prepare<[], { body_json: string }>('SELECT body_json FROM content_packs ORDER BY version DESC LIMIT 1');
  const byVersion = db.prepare<[number], { body_json: string }>('SELECT body_json FROM content_packs WHERE version = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO content_packs (version, body_json, stored_at) VALUES (?, ?, ?)');

  const store = (pack: ContentPack): void => {
    // Parse again: a pack is only stored if it is valid, whoever handed it to us.
    const valid = ContentPack.parse(pack);
    insert.run(valid.version, JSON.stringify(valid), new Date().toISOString());
  };

  // Before the first sync the kiosk still works, with the pack it was set up with.
  if (!latest.get()) {
    if (!starterPack) throw new NoContentError();
    store(starterPack);
  }

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
