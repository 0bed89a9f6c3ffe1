import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteHandleOf } from '../../sync/central/db/openCentralDb.js';
import { WRITER_CHECKPOINT_PAGES } from '../../sync/central/db/walCheckpointer.js';
import { startCentral, type RunningCentral } from '../../sync/central/startCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// What the WAL index (the -shm file SQLite shares between connections) says: frames in the WAL, and how many of
// them a checkpoint has copied into the database. Read from the file itself, so looking does not checkpoint.
// Layout (sqlite.org/walformat.html): two copies of the 48-byte header (mxFrame at offset 16), then nBackfill at 96.
function walIndex(dataDir: string): { frames: number; copied: number } {
  const shm = readFileSync(join(dataDir, 'central.sqlite-shm'));
  return { frames: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function centralOnSqlite(): Promise<{ central: RunningCentral; dataDir: string }> {
  const dir = makeTempDir('wal-checkpointer');
  const central = await startCentral({ dataDir: dir.path });
  cleanups.push(async () => {
    await central.close();
    dir.remove();
  });
  return { central, dataDir: dir.path };
}

describe("Central's WAL checkpoints run beside its requests, not inside them", () => {
  it("Central's own commits only append; its checkpointer folds the WAL back within moments", async () => {
    const { central, dataDir } = await centralOnSqlite();
    const sqlite = sqliteHandleOf(central.db);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WRITER_CHECKPOINT_PAGES);
    // Fewer pages than SQLite's default bound of 1,000: were the writer left to itself, nothing would be copied.
    const insert = sqlite.prepare(`INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES (?, 'test.wal', ?, ?)`);
    const detail = JSON.stringify({ padding: 'x'.repeat(6000) });
    for (let n = 0; n < 120; n += 1) insert.run(new Date().toISOString(), `S${String(n)}`, detail);
    const deadline = Date.now() + 5000;
    let index = walIndex(dataDir);
    while (index.copied < index.frames && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      index = walIndex(dataDir);
    }
    expect(index.frames).toBeGreaterThan(0);
    expect(index.copied).toBe(index.frames);
    // Everything is still there, and the writer's next commit starts the WAL from its beginning again.
    expect(sqlite.prepare(`SELECT count(*) FROM ledger WHERE kind = 'test.wal'`).pluck().get()).toBe(120);
    insert.run(new Date().toISOString(), 'after', detail);
    expect(walIndex(dataDir).frames).toBeLessThan(index.frames);
  });
});
