import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { createContentStore } from './content/contentStore.js';
import { openDatabase } from './db/openDatabase.js';
import { createDeadLetters } from './outbox/deadLetters.js';
import { createEnqueue } from './outbox/enqueue.js';
import { createOutboxQueries } from './outbox/outboxQueries.js';
import { createSessions } from './session/sessions.js';
import { createSyncClient } from './sync-client/syncClient.js';
import type { SyncStatus } from './sync-client/syncStatus.js';

/** Everything the kiosk does below the UI, for one data folder. Hosts own one of these. */
export interface KioskCore {
  readonly config: KioskConfig;
  readonly db: Database;
  readonly enqueue: ReturnType<typeof createEnqueue>;
  readonly outbox: ReturnType<typeof createOutboxQueries>;
  readonly deadLetters: ReturnType<typeof createDeadLetters>;
  readonly content: ReturnType<typeof createContentStore>;
  readonly sessions: ReturnType<typeof createSessions>;
  readonly sync: ReturnType<typeof createSyncClient>;
  /** Subscribe to sync status changes; returns the unsubscribe function. */
  onSyncStatus(listener: (status: SyncStatus) => void): () => void;
  close(): Promise<void>;
}

export function createKioskCore(config: KioskConfig): KioskCore {
  const db = openDatabase(config.dataDir);
  const listeners = new Set<(status: SyncStatus) => void>();
  const outbox = createOutboxQueries(db);
  const deadLetters = createDeadLetters(db);
  const content = createContentStore(db, demoContentPack);
  const sync = createSyncClient({
    db,
    config,
    outbox,
    deadLetters,
    content,
    onStatus: (status) => listeners.forEach((listener) => listener(status)),
    // Nothing pending: a quiet moment to fold the WAL back into the db and keep it small.
    onDrained: () => db.pragma('wal_checkpoint(TRUNCATE)'),
  });
  return {
    config,
    db,
    enqueue: createEnqueue(db),
    outbox,
    deadLetters,
    content,
    sessions: createSessions(db),
    sync,
    onSyncStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await sync.stop();
      db.close();
    },
  };
}
