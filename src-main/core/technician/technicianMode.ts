import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import type { LocalizedText } from '../../../sync/protocol/localized.js';
import type { SubmissionEnvelope } from '../../../sync/protocol/submission.js';
import type { Recorder, RecordingStart } from '../audio/recorder.js';
import type { ContentStore } from '../content/contentStore.js';
import { readDeviceIdentity } from '../device/deviceIdentity.js';
import type { DeadLetter, DeadLetters } from '../outbox/deadLetters.js';
import { Refusal } from '../submit/refusal.js';
import type { SyncClient } from '../sync-client/syncClient.js';
import type { EnrolRefusal } from '../sync-client/enrolRefusal.js';
import type { SyncStatus } from '../sync-client/syncStatus.js';
import { listAudioInputs, type AudioInput } from './audioInputs.js';
import type { Diagnostics } from './diagnostics.js';
import { saveSettings, settingsOf, type KioskSettings, type SettingName } from './kioskSettings.js';
import { createPinGuard } from './pinGuard.js';
import { mountedMedia, tokensOnMedia, writeToMedium, type Medium } from './removableMedia.js';
import { createTechnicianVisits } from './technicianVisits.js';

/** What the PIN screen hears back. */
export type TechnicianEntry =
  | { readonly entered: true; readonly technicianId: string; readonly idleSec: number }
  | { readonly entered: false; readonly reason: 'refused'; readonly triesLeft: number }
  | { readonly entered: false; readonly reason: 'locked'; readonly untilMs: number }
  | { readonly entered: false; readonly reason: 'no-pin' };

/** The settings screen's data: the values, and the choices Central's content offers for the desk's services. */
export interface SettingsView {
  readonly settings: KioskSettings;
  readonly services: readonly { readonly id: string; readonly name: LocalizedText }[];
}

/**
 * Enrolment as the technician sees it: the sync state, the device id Central assigned (null before
 * enrolling), and why the last token was not accepted (null when it was, or none was tried).
 */
export interface Enrolment {
  readonly status: SyncStatus;
  readonly deviceId: string | null;
  readonly refusal: EnrolRefusal | null;
}

/** The self-tests the screen runs by itself, each noted in the visit (the microphone test is noted by its own call). */
export type SelfTest = 'speaker' | 'touch' | 'screen';

interface TechnicianDeps {
  readonly db: Database;
  readonly config: KioskConfig;
  /** The file the config was loaded from: settings are saved there (absent in tests that hand in a config object). */
  readonly configFile: string | undefined;
  readonly sync: SyncClient;
  readonly deadLetters: DeadLetters;
  readonly recorder: Recorder;
  readonly content: ContentStore;
  readonly diagnostics: () => Promise<Diagnostics>;
}

/** How often a visit left idle with no call to notice is ended anyway (so the record's end time is right). */
const IDLE_SWEEP_MS = 30_000;

/**
 * Technician mode (issue #17): entered with the PIN, then every technician
 * call names its visit and is refused once the visit has ended (left, idle,
 * replaced). What a call changes is noted in the visit, which reaches Central
 * as "kiosk serviced". Nothing here shows what a visitor did: dead letters are
 * listed by id, kind and error, and exported only to a USB stick.
 */
export function createTechnicianMode(deps: TechnicianDeps) {
  const { config } = deps;
  const guard = createPinGuard(deps.db, config.technician.pinHash);
  const visits = createTechnicianVisits(deps.db);
  const sweep = setInterval(() => visits.endIdle(), IDLE_SWEEP_MS);
  sweep.unref();
  const media = () => config.technician.mediaDirs;
  const recordingVisit = (technicianId: string) => `technician:${technicianId}`;

  return {
    enter(pin: string): TechnicianEntry {
      const outcome = guard.attempt(pin);
      switch (outcome.kind) {
        case 'accepted': {
          const visit = visits.begin();
          return { entered: true, technicianId: visit.visitId, idleSec: visit.idleMs / 1000 };
        }
        case 'refused':
          return { entered: false, reason: 'refused', triesLeft: outcome.triesLeft };
        case 'locked':
          return { entered: false, reason: 'locked', untilMs: outcome.untilMs };
        case 'no-pin':
          return { entered: false, reason: 'no-pin' };
      }
    },
    async leave(technicianId: string, reason: 'left' | 'idle'): Promise<void> {
      // The microphone test's recording never outlives the visit.
      await deps.recorder.discardSession(recordingVisit(technicianId));
      visits.leave(technicianId, reason);
    },
    diagnostics(technicianId: string): Promise<Diagnostics> {
      visits.require(technicianId);
      return deps.diagnostics();
    },
    settings(technicianId: string): SettingsView {
      visits.require(technicianId);
      const pack = deps.content.latest();
      return { settings: settingsOf(config), services: pack.services.map((service) => ({ id: service.id, name: service.name })) };
    },
    saveSettings(technicianId: string, change: Partial<KioskSettings>): SettingName[] {
      visits.require(technicianId);
      const changed = saveSettings(deps.configFile, config, change);
      visits.note(technicianId, ...changed.map((name) => `settings:${name}`));
      return changed;
    },
    /** Where enrolment stands: the sync state (with Central's last answer) and the device id Central gave, if any. */
    enrolment(technicianId: string): Enrolment {
      visits.require(technicianId);
      return { status: deps.sync.status(), deviceId: readDeviceIdentity(config.dataDir)?.deviceId ?? null, refusal: null };
    },
    async enrol(technicianId: string, token: string): Promise<Enrolment> {
      visits.require(technicianId);
      visits.note(technicianId, 'enrolment');
      const { status, refusal } = await deps.sync.reenrol(token);
      return { status, deviceId: readDeviceIdentity(config.dataDir)?.deviceId ?? null, refusal };
    },
    media(technicianId: string): { readonly media: Medium[]; readonly tokens: { medium: string; token: string }[] } {
      visits.require(technicianId);
      return { media: mountedMedia(media()), tokens: tokensOnMedia(media()) };
    },
    deadLetters(technicianId: string): readonly DeadLetter[] {
      visits.require(technicianId);
      return deps.deadLetters.list();
    },
    async retryDeadLetter(technicianId: string, id: string): Promise<SyncStatus> {
      visits.require(technicianId);
      if (!deps.deadLetters.retry(id)) throw new Refusal('not-found', 'No dead letter with this id', 'id');
      visits.note(technicianId, 'dead-letters:retried');
      await deps.sync.syncNow();
      return deps.sync.status();
    },
    /** Writes every dead letter, whole, to a file on the named USB stick: for Central's staff, never shown on screen. */
    exportDeadLetters(technicianId: string, medium: string): { readonly file: string; readonly count: number } {
      visits.require(technicianId);
      const letters: readonly SubmissionEnvelope[] = deps.deadLetters.export();
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = writeToMedium(
        media(),
        medium,
        `psh-dead-letters-${config.kioskId}-${stamp}.json`,
        `${JSON.stringify(letters, null, 2)}\n`,
      );
      if (!file) throw new Refusal('not-found', `No USB stick named "${medium}" is mounted`, 'medium');
      visits.note(technicianId, 'dead-letters:exported');
      return { file, count: letters.length };
    },
    async audioInputs(technicianId: string): Promise<AudioInput[]> {
      visits.require(technicianId);
      return listAudioInputs();
    },
    /** The microphone test's recording, on the configured input device; stopped, played back and discarded as a visitor's is. */
    async microphoneTest(technicianId: string): Promise<RecordingStart> {
      visits.require(technicianId);
      visits.note(technicianId, 'self-test:microphone');
      return deps.recorder.start(recordingVisit(technicianId));
    },
    selfTestRun(technicianId: string, test: SelfTest): void {
      visits.require(technicianId);
      visits.note(technicianId, `self-test:${test}`);
    },
    close(): void {
      clearInterval(sweep);
    },
  };
}

export type TechnicianMode = ReturnType<typeof createTechnicianMode>;
