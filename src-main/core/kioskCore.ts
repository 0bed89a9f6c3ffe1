import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { createRecorder, type RecorderLevel, type RecordingEnd } from './audio/recorder.js';
import { createContentStore } from './content/contentStore.js';
import { openDatabase, type OpenDatabaseOptions } from './db/openDatabase.js';
import { createDeadLetters } from './outbox/deadLetters.js';
import { createEnqueue } from './outbox/enqueue.js';
import { createFeedbackLookup } from './feedback/feedbackLookup.js';
import { createOutboxQueries } from './outbox/outboxQueries.js';
import { createSessions } from './session/sessions.js';
import { createSpeechService } from './speech/speechService.js';
import { createSyncClient } from './sync-client/syncClient.js';
import type { SyncStatus } from './sync-client/syncStatus.js';

/** One event the core pushes to whoever shows the UI (the API's KioskEvents, as a union). */
export type CoreEvent =
  | { readonly name: 'sync.status'; readonly payload: SyncStatus }
  | { readonly name: 'recorder.level'; readonly payload: RecorderLevel }
  | { readonly name: 'recorder.ended'; readonly payload: RecordingEnd };

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
  readonly speech: ReturnType<typeof createSpeechService>;
  readonly recorder: ReturnType<typeof createRecorder>;
  readonly feedback: ReturnType<typeof createFeedbackLookup>;
  /** Subscribe to everything the core pushes (sync status, recorder level and end); returns the unsubscribe function. */
  subscribe(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

export function createKioskCore(config: KioskConfig, options: OpenDatabaseOptions = {}): KioskCore {
  const db = openDatabase(config.dataDir, options);
  const listeners = new Set<(event: CoreEvent) => void>();
  const emit = (event: CoreEvent) => listeners.forEach((listener) => listener(event));
  const outbox = createOutboxQueries(db);
  const deadLetters = createDeadLetters(db);
  const content = createContentStore(db, demoContentPack);
  const sync = createSyncClient({
    db,
    config,
    outbox,
    deadLetters,
    content,
    onStatus: (status) => emit({ name: 'sync.status', payload: status }),
    // Nothing pending: a quiet moment to fold the WAL back into the db and keep it small.
    onDrained: () => db.pragma('wal_checkpoint(TRUNCATE)'),
  });
  const speech = createSpeechService({
    dataDir: config.dataDir,
    cacheMaxMb: config.speech.cacheMaxMb,
    transcriptFile: config.speech.transcriptFile,
  });
  const recorder = createRecorder({
    dataDir: config.dataDir,
    device: config.audio.inputDevice,
    limitSec: config.audio.recordLimitSec,
    onLevel: (level) => emit({ name: 'recorder.level', payload: level }),
    onEnded: (end) => emit({ name: 'recorder.ended', payload: end }),
  });
  const attachedPath = db.prepare<[string], number>('SELECT 1 FROM attachments WHERE path = ?').pluck();
  recorder.sweep((path) => attachedPath.get(path) !== undefined);
  return {
    config,
    db,
    enqueue: createEnqueue(db),
    outbox,
    deadLetters,
    content,
    sessions: createSessions(db),
    sync,
    speech,
    recorder,
    feedback: createFeedbackLookup(db, sync),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await recorder.close();
      await speech.close();
      await sync.stop();
      db.close();
    },
  };
}
