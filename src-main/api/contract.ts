import type { ArgsOf } from './argSchemas.js';
import type { ContentPack } from '../../sync/protocol/contentPack.js';
import type { Language } from '../../sync/protocol/localized.js';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import type {
  DeadLetter,
  FeedbackLookup,
  RecorderLevel,
  RecordingEnd,
  RecordingStart,
  HeadsetState,
  SavedSubmission,
  SavedWithCode,
  SessionEndReason,
  SpokenClip,
  SyncStatus,
  Diagnostics,
  DiagnosticCheck,
  Verdict,
  Advice,
  TechnicianEntry,
  Enrolment,
  EnrolRefusal,
  SettingsView,
  SelfTest,
  KioskSettings,
  SettingName,
  AudioInput,
  Medium,
} from '../core/kioskCore.js';

// Everything the renderer needs from the kiosk comes through this file (the lint rule allows no other).
export type {
  SpokenClip,
  HeadsetState,
  RecorderLevel,
  RecordingEnd,
  RecordingStart,
  FeedbackLookup,
  SavedSubmission,
  SyncStatus,
  DeadLetter,
  SessionEndReason,
};
export type { Diagnostics, DiagnosticCheck, Verdict, Advice };
export type { TechnicianEntry, Enrolment, EnrolRefusal, SettingsView, SelfTest, KioskSettings, SettingName, AudioInput, Medium };

/** A saved feedback or proposal: the visitor's tracking code and where its public status page is. */
export type SavedFeedback = SavedWithCode;

/** What the UI needs to know about this device; never secrets. */
export interface AppInfo {
  readonly kioskId: string;
  readonly branchId: string;
  readonly deskId: string;
  readonly serviceIds: readonly string[];
  readonly languages: readonly Language[];
  readonly defaultLanguage: Language;
  readonly idleTimeoutSec: number;
  readonly idleWarningSec: number;
  readonly keyMap: KioskConfig['keyMap'];
  /** Speech defaults a session starts from and returns to at its end. */
  readonly speech: { readonly rate: number; readonly volume: number };
  readonly audio: {
    readonly headsetIsOutput: boolean;
    readonly recordLimitSec: number;
    /** Where sound goes: 'default', or an output device's label that the page applies with setSinkId. */
    readonly outputDevice: string;
    /** The ALSA capture device voice messages are recorded from (shown on the technician's microphone test). */
    readonly inputDevice: string;
  };
  /** Central as citizens reach it, for QR codes of public pages (an initiative's support, a code's status). */
  readonly publicUrl: string;
}

/** The kiosk host process's own memory, in bytes: for technicians and the memory benchmark. */
export interface MemoryFigures {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
}

export interface StartedSession {
  readonly sessionId: string;
  readonly content: ContentPack;
  /** Contact details can be left (the kiosk holds Central's sealing key, i.e. it has enrolled). */
  readonly canLeaveContact: boolean;
}

/**
 * THE kiosk API: every call the UI can make, as name -> function type. Hosts
 * carry it (Electron IPC, HTTP), the renderer's client derives its types from
 * it, and nothing restates an argument or result type: each argument is its
 * zod schema's type (`ArgsOf`, argSchemas.ts), the schema the host checks.
 */
export interface KioskHandlers {
  'app.info': () => AppInfo;
  /** This process's memory now (after a garbage collection where the host was started with --expose-gc). */
  'app.memory': () => MemoryFigures;
  'session.start': (args: ArgsOf<'session.start'>) => StartedSession;
  'session.setLanguage': (args: ArgsOf<'session.setLanguage'>) => null;
  'session.end': (args: ArgsOf<'session.end'>) => null;
  'rating.submit': (args: ArgsOf<'rating.submit'>) => SavedSubmission;
  /**
   * Feedback PSH answers within 24 hours: text and/or a finished voice
   * message of this session, optional contact (sealed to Central at once).
   */
  'feedback.submit': (args: ArgsOf<'feedback.submit'>) => SavedFeedback;
  /** One visitor's answers to a survey of their session's content version; refused (naming the question) when they do not fit it. */
  /** `recordings`: the voice answers to free-text questions (question id -> recording id), each sent as `answer-<questionId>.wav`. */
  'survey.submit': (args: ArgsOf<'survey.submit'>) => SavedSubmission;
  /** A vote on a ballot of the session's content; verified ballots need the 11-digit personal number, sealed at once. */
  'vote.submit': (args: ArgsOf<'vote.submit'>) => SavedSubmission;
  /** A proposal of a new service (title, description typed and/or recorded, optional contact); answered with its tracking code. */
  'proposal.submit': (args: ArgsOf<'proposal.submit'>) => SavedFeedback;
  /** The status of a feedback by its tracking code, as typed by the visitor. */
  'feedback.lookup': (args: ArgsOf<'feedback.lookup'>) => FeedbackLookup;
  /** The visitor says the answer did not help. */
  'feedback.reopen': (args: ArgsOf<'feedback.reopen'>) => FeedbackLookup;
  /** Speak one utterance now: answers the clip to play (at `mediaUrl(audioPath)`), or null if nothing in it can be spoken. */
  'speech.say': (args: ArgsOf<'speech.say'>) => SpokenClip | null;
  /** Synthesise the current screen's texts ahead of need; nothing is spoken. */
  'speech.prefetch': (args: ArgsOf<'speech.prefetch'>) => null;
  /** Answers once audio flows, or why it cannot (no microphone): the UI then offers typing. */
  'recorder.start': (args: ArgsOf<'recorder.start'>) => RecordingStart;
  /** Stops and answers the finished recording, or why there is none. */
  'recorder.stop': (args: ArgsOf<'recorder.stop'>) => RecordingEnd;
  'recorder.discard': (args: ArgsOf<'recorder.discard'>) => null;
  'sync.status': () => SyncStatus;
  /** Sync now (technician screen, or after a network repair). */
  'sync.now': () => SyncStatus;
  /**
   * Technician mode (issue #17): the PIN opens a visit; every other technician
   * call names it (`technicianId`) and is refused once it has ended (left, or
   * idle for three minutes). What each call changes is noted in the visit,
   * which reaches Central as "kiosk serviced". Never a visitor's data.
   */
  'technician.enter': (args: ArgsOf<'technician.enter'>) => TechnicianEntry;
  'technician.leave': (args: ArgsOf<'technician.leave'>) => null;
  /** The technician's checks, each with a verdict and what to do (counts and states only, no visitor data). */
  'technician.diagnostics': (args: ArgsOf<'technician.diagnostics'>) => Diagnostics;
  'technician.settings': (args: ArgsOf<'technician.settings'>) => SettingsView;
  /** Saved to the config file (atomically, previous kept) and applied at once; a wrong value is refused naming the setting. */
  'technician.saveSettings': (args: ArgsOf<'technician.saveSettings'>) => {
    readonly changed: readonly SettingName[];
    readonly info: AppInfo;
  };
  /** The sync state (Central's last answer in it) and the device id Central assigned. */
  'technician.enrolment': (args: ArgsOf<'technician.enrolment'>) => Enrolment;
  /** Enrol (or re-enrol after revocation) with a one-time token; the queue is kept. */
  'technician.enrol': (args: ArgsOf<'technician.enrol'>) => Enrolment;
  /** The USB sticks mounted now, and enrolment tokens found on them (`psh-enrolment-token.txt`). */
  'technician.media': (args: ArgsOf<'technician.media'>) => {
    readonly media: readonly Medium[];
    readonly tokens: readonly { readonly medium: string; readonly token: string }[];
  };
  'technician.deadLetters': (args: ArgsOf<'technician.deadLetters'>) => readonly DeadLetter[];
  'technician.retryDeadLetter': (args: ArgsOf<'technician.retryDeadLetter'>) => SyncStatus;
  /** Every dead letter, whole, into a file on the named USB stick (never on screen: it holds visitors' submissions). */
  'technician.exportDeadLetters': (args: ArgsOf<'technician.exportDeadLetters'>) => { readonly file: string; readonly count: number };
  /** The capture devices ALSA lists (`arecord -L`), to choose `audio.inputDevice`. */
  'technician.audioInputs': (args: ArgsOf<'technician.audioInputs'>) => readonly AudioInput[];
  /** Records from the configured microphone (stop, play back and discard with the recorder.* calls). */
  'technician.microphoneTest': (args: ArgsOf<'technician.microphoneTest'>) => RecordingStart;
  /** A self-test the screen ran by itself (speaker, touch, screen), noted in the visit. */
  'technician.selfTest': (args: ArgsOf<'technician.selfTest'>) => null;
}

export type HandlerName = keyof KioskHandlers;

/** What a host runs for each call: the contract's function, allowed to answer asynchronously. */
export type KioskHandlerImpls = {
  readonly [N in HandlerName]: (
    ...args: Parameters<KioskHandlers[N]>
  ) => ReturnType<KioskHandlers[N]> | Promise<ReturnType<KioskHandlers[N]>>;
};
export type HandlerArgs<N extends HandlerName> = Parameters<KioskHandlers[N]> extends [infer A] ? A : undefined;
export type HandlerResult<N extends HandlerName> = ReturnType<KioskHandlers[N]>;

/** Events the core pushes to the UI, as name -> payload. */
export interface KioskEvents {
  'sync.status': SyncStatus;
  /** The microphone level while recording, about ten times a second, for the meter. */
  'recorder.level': RecorderLevel;
  /** A recording ended: stopped, at its time limit, or failed (with why). */
  'recorder.ended': RecordingEnd;
  /** Headphones went into or out of the jack (only where the sound card reports it: config `audio.headsetJack`). */
  'audio.headset': HeadsetState;
}
export type EventName = keyof KioskEvents;

/** A failed call as it crosses a process boundary. `field` names the bad argument. */
export interface KioskError {
  readonly code: 'bad-request' | 'not-found' | 'unknown-handler' | 'storage' | 'internal';
  readonly message: string;
  readonly field?: string;
}

/** Every invoke answer: errors are values at the boundary, exceptions stay inside. */
export type InvokeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: KioskError };
