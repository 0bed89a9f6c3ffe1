import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startIdleCheckpoints, WRITER_CHECKPOINT_PAGES, type IdleCheckpoints } from '../../src-main/core/db/idleCheckpoints.js';
import { openDatabase } from '../../src-main/core/db/openDatabase.js';
import { DB_FILE } from '../../src-main/core/db/quarantine.js';
import { createEnqueue } from '../../src-main/core/outbox/enqueue.js';
import { makeTempDir } from '../support/tempDir.js';

// What the WAL index (the -shm file SQLite shares between connections) says: frames in the WAL, and how many of
// them a checkpoint has copied into the database. Read from the file itself, so looking does not checkpoint.
// Layout (sqlite.org/walformat.html): two copies of the 48-byte header (mxFrame at offset 16), then nBackfill at 96.
function walIndex(dataDir: string): { frames: number; copied: number } {
  const shm = readFileSync(join(dataDir, `${DB_FILE}-shm`));
  return { frames: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
}

const rating = (score: number) => ({
  payload: { type: 'rating' as const, serviceId: 'civil-registry', deskId: 'desk-7', score, language: 'ka' as const },
  sessionId: null,
  contentVersion: 1,
});

let open: Array<{ db: Database; checkpoints: IdleCheckpoints; remove: () => void }> = [];
afterEach(() => {
  for (const { db, checkpoints, remove } of open) {
    checkpoints.stop();
    db.close();
    remove();
  }
  open = [];
});

function kioskDb() {
  const dir = makeTempDir('idle-checkpoints');
  const db = openDatabase(dir.path);
  db.pragma('wal_checkpoint(TRUNCATE)'); // start from an empty WAL: migrations are not what is measured
  const checkpoints = startIdleCheckpoints(db);
  open.push({ db, checkpoints, remove: () => dir.remove() });
  return { db, dir: dir.path };
}

describe('WAL checkpoints wait for a quiet moment', () => {
  it('a burst of "saved" commits only appends to the WAL; the next quiet moment folds it all back', async () => {
    const { db, dir } = kioskDb();
    const enqueue = createEnqueue(db);
    // 400 commits of a few pages each: past SQLite's default bound of 1,000 pages, where a commit would checkpoint.
    for (let n = 0; n < 400; n += 1) enqueue(rating((n % 5) + 1));
    const during = walIndex(dir);
    expect(during.frames).toBeGreaterThan(1000);
    expect(during.frames).toBeLessThan(WRITER_CHECKPOINT_PAGES);
    expect(during.copied).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = walIndex(dir);
    expect(after).toEqual({ frames: during.frames, copied: during.frames });
    // Everything is still there, and the next commit starts the WAL from its beginning again.
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(400);
    enqueue(rating(3));
    expect(walIndex(dir).frames).toBeLessThan(during.frames / 40);
  });

  it('does nothing while nothing was written', async () => {
    const { dir } = kioskDb();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(walIndex(dir)).toEqual({ frames: 0, copied: 0 });
  });
});
