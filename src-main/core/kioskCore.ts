import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import { startIdleCheckpoints } from './db/idleCheckpoints.js';
import { loadContentPackFile } from '../../sync/node/contentPackFile.js';
import type { ContentPack } from '../../sync/protocol/contentPack.js';
import { createRecorder, type RecorderLevel, type RecordingEnd } from './audio/recorder.js';
import { createHeadsetJack, type HeadsetState } from './audio/headsetJack.js';
import { createContentStore, type ContentStore } from './content/contentStore.js';
import { openDatabase, type OpenDatabaseOptions } from './db/openDatabase.js';
import { createDeadLetters } from './outbox/deadLetters.js';
import { createEnqueue } from './outbox/enqueue.js';
import { createFeedbackLookup } from './feedback/feedbackLookup.js';
import { createOutboxQueries } from './outbox/outboxQueries.js';
import { createSessions } from './session/sessions.js';
import { createSpeechService } from './speech/speechService.js';
import { createSyncClient } from './sync-client/syncClient.js';
import type { SyncStatus } from './sync-client/syncStatus.js';
import { createAlerts } from './sync-client/heartbeat.js';
import { createSubmissions } from './submit/submissions.js';
import { runDiagnostics, type Diagnostics } from './technician/diagnostics.js';
import { createTechnicianMode } from './technician/technicianMode.js';

// What the API layer may know of the core, besides KioskCore itself: it imports nothing else from core/.
export { StorageError } from './db/openDatabase.js';
export { Refusal } from './submit/refusal.js';
export type { SavedSubmission } from './submit/submissionPath.js';
export type { SavedWithCode } from './submit/feedbackSubmission.js';
export type { DeadLetter } from './outbox/deadLetters.js';
export type { SessionEndReason } from './session/sessions.js';
export { SESSION_END_REASONS } from './session/sessions.js';
export type { SyncStatus } from './sync-client/syncStatus.js';
export type { SpokenClip, ClipAudio } from './speech/speechService.js';
export type { RecorderLevel, RecordingEnd, RecordingStart } from './audio/recorder.js';
export type { HeadsetState } from './audio/headsetJack.js';
export type { FeedbackLookup } from './feedback/feedbackLookup.js';
export type { Diagnostics, DiagnosticCheck, Verdict, Advice } from './technician/diagnostics.js';
export type { TechnicianEntry, SettingsView, SelfTest, Enrolment } from './technician/technicianMode.js';
export type { EnrolRefusal } from './sync-client/enrolRefusal.js';
export type { KioskSettings, SettingName } from './technician/kioskSettings.js';
export type { AudioInput } from './technician/audioInputs.js';
export type { Medium } from './technician/removableMedia.js';

/** One event the core pushes to whoever shows the UI (the API's KioskEvents, as a union). */
export type CoreEvent =
  | { readonly name: 'sync.status'; readonly payload: SyncStatus }
  | { readonly name: 'recorder.level'; readonly payload: RecorderLevel }
  | { readonly name: 'recorder.ended'; readonly payload: RecordingEnd }
  | { readonly name: 'audio.headset'; readonly payload: HeadsetState };

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
  /** Whether headphones are in the jack, where the sound card reports it (config `audio.headsetJack`). */
  headsetPlugged(): boolean | undefined;
  readonly feedback: ReturnType<typeof createFeedbackLookup>;
  /** What a visitor sends, each along the one submission path (submit/submissionPath.ts). */
  readonly submit: ReturnType<typeof createSubmissions>;
  /** The technician's checks (technician/diagnostics.ts). */
  diagnostics(): Promise<Diagnostics>;
  /** Technician mode: the PIN, visits, settings, enrolment, media and self-tests (technician/technicianMode.ts). */
  readonly technician: ReturnType<typeof createTechnicianMode>;
  /** Records something a technician must know (a renderer crash, say): the next heartbeat takes it to Central's fleet page. */
  raiseAlert(kind: string, detail: Record<string, unknown>): void;
  /** Subscribe to everything the core pushes (sync status, recorder level and end); returns the unsubscribe function. */
  subscribe(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

export interface KioskCoreOptions extends OpenDatabaseOptions {
  /** The pack to start with on an empty database; by default the config's `starterContent` file (tests hand one in). */
  readonly starterContent?: ContentPack;
  /** The file the config came from: technician mode saves settings there (without it, settings cannot be saved). */
  readonly configFile?: string;
}

export function createKioskCore(config: KioskConfig, options: KioskCoreOptions = {}): KioskCore {
  const starter = options.starterContent ?? (config.starterContent ? loadContentPackFile(config.starterContent) : undefined);
  const db = openDatabase(config.dataDir, options);
  // Checkpoints between visitors, not inside their "saved" commit (idleCheckpoints.ts).
  const checkpoints = startIdleCheckpoints(db);
  const listeners = new Set<(event: CoreEvent) => void>();
  const emit = (event: CoreEvent) => listeners.forEach((listener) => listener(event));
  const outbox = createOutboxQueries(db);
  const deadLetters = createDeadLetters(db);
  let content: ContentStore;
  try {
    content = createContentStore(db, starter);
  } catch (error) {
    checkpoints.stop();
    db.close();
    throw error;
  }
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
    // Read at each recording: a technician's change of device or limit applies to the next one.
    device: () => config.audio.inputDevice,
    limitSec: () => config.audio.recordLimitSec,
    onLevel: (level) => emit({ name: 'recorder.level', payload: level }),
    onEnded: (end) => emit({ name: 'recorder.ended', payload: end }),
  });
  const jackConfig = config.audio.headsetJack;
  const jack = jackConfig && createHeadsetJack({ ...jackConfig, onChange: (state) => emit({ name: 'audio.headset', payload: state }) });
  const attachedPath = db.prepare<[string], number>('SELECT 1 FROM attachments WHERE path = ?').pluck();
  recorder.sweep((path) => attachedPath.get(path) !== undefined);
  const enqueue = createEnqueue(db);
  const sessions = createSessions(db);
  const diagnostics = () => runDiagnostics(core);
  const alerts = createAlerts(db);
  const technician = createTechnicianMode({
    db,
    config,
    configFile: options.configFile,
    sync,
    deadLetters,
    recorder,
    content,
    diagnostics,
  });
  const core: KioskCore = {
    config,
    db,
    enqueue,
    outbox,
    deadLetters,
    content,
    sessions,
    sync,
    speech,
    recorder,
    headsetPlugged: () => jack?.plugged(),
    feedback: createFeedbackLookup(db, sync),
    submit: createSubmissions(db, { config, sessions, content, recorder, sync, enqueue }),
    diagnostics,
    technician,
    raiseAlert: (kind, detail) => alerts.raise(kind, detail),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      jack?.stop();
      technician.close();
      await recorder.close();
      await speech.close();
      await sync.stop();
      checkpoints.stop();
      db.close();
    },
  };
  return core;
}
