import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** How often the checkpointer folds the WAL back: a busy second of ingest writes a few thousand pages. */
const CHECKPOINT_EVERY_MS = 100;

/**
 * The size bound: should the checkpointer fall behind (or die), the writer
 * checkpoints inside the commit that crosses this many pages (64 MiB), as
 * SQLite does by default at 1,000.
 */
export const WRITER_CHECKPOINT_PAGES = 16_000;

/**
 * The checkpointer's own code, plain CommonJS run by the worker as is: it is
 * a dozen lines, and as a script it needs neither the build nor, under tests,
 * a TypeScript loader in the worker. Its own connection runs PASSIVE
 * checkpoints, which never wait for the writer and never block it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy now (the writer is restarting the WAL): the next pass, or the writer's size bound, folds it back.
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') parentPort.postMessage(error.message);
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Keeps WAL checkpoints off Central's request path. SQLite's automatic
 * checkpoint runs inside the commit that crosses 1,000 pages, on the one
 * thread that also parses, checks and stores every kiosk's batch: under a
 * country's load a commit every few dozen copied and synced the database
 * file while requests waited. A worker thread with its own connection does
 * it instead, on another core; once every frame is copied, the writer's next
 * commit starts the WAL from its beginning again. Durability is unchanged:
 * every commit still syncs the WAL (synchronous=FULL).
 */
export function startWalCheckpointer(sqlite: BetterSqlite3.Database, log: (line: string) => void): WalCheckpointer {
  sqlite.pragma(`wal_autocheckpoint = ${String(WRITER_CHECKPOINT_PAGES)}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file: sqlite.name, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.on('message', (message: string) => log(`central db: WAL checkpoint failed: ${message}`));
  worker.on('error', (error) => log(`central db: WAL checkpointer stopped: ${error.message}; the writer checkpoints at its size bound`));
  // Never what keeps Central's process alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Referenced again while it closes: an unreferenced worker's exit would not keep the event loop
      // alive, and a Central closing on its way out (an uncaught error) would exit 0 before its exit(1).
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
