import type { Database } from 'better-sqlite3';

/**
 * How often the kiosk looks for a quiet moment to fold the WAL back into the
 * database. A visitor's "Send" never comes twice within this; a burst of
 * writes still leaves only a few hundred WAL pages between two passes.
 */
const IDLE_CHECK_MS = 100;

/**
 * The size bound: should idle moments not come (a process busy for seconds),
 * the writer checkpoints inside the commit that crosses this many pages
 * (16 MiB), as SQLite does by default at 1,000.
 */
export const WRITER_CHECKPOINT_PAGES = 4000;

export interface IdleCheckpoints {
  stop(): void;
}

/**
 * Keeps WAL checkpoints off the visitor's path. SQLite's automatic checkpoint
 * runs inside the commit that crosses 1,000 pages, so every few hundredth
 * "saved" also waited for the database file to be written and synced (the
 * slow samples of the outbox.enqueue_p99_ms benchmark). Here the commit only
 * appends to the WAL, and a PASSIVE checkpoint runs from a timer, between
 * requests, when this connection has written since the last one. Once every
 * frame is copied, the next commit starts the WAL from its beginning again, so
 * the file stays small and is overwritten in place. Durability is unchanged:
 * every commit still syncs the WAL (synchronous=FULL).
 */
export function startIdleCheckpoints(db: Database): IdleCheckpoints {
  db.pragma(`wal_autocheckpoint = ${String(WRITER_CHECKPOINT_PAGES)}`);
  // Rows this connection has changed since it opened: one cheap call tells whether there is anything to fold back.
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  let folded = changes.get() ?? 0;
  const timer = setInterval(() => {
    if (!db.open) return;
    const now = changes.get() ?? 0;
    if (now === folded) return;
    folded = now;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // A checkpoint that cannot run now (a reader holds the WAL) runs on the next pass, or at the size bound.
      console.error(`kiosk db: idle checkpoint failed: ${(error as Error).message}`);
    }
  }, IDLE_CHECK_MS);
  // Never what keeps a kiosk process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
