import type { ContentPack } from '../../sync/protocol/contentPack.js';
import type { Language } from '../../sync/protocol/localized.js';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import type { SubmissionEnvelope } from '../../sync/protocol/submission.js';
import type { DeadLetter } from '../core/outbox/deadLetters.js';
import type { SavedSubmission } from '../core/outbox/enqueue.js';
import type { SessionEndReason } from '../core/session/sessions.js';
import type { SyncStatus } from '../core/sync-client/syncStatus.js';

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
}

export interface StartedSession {
  readonly sessionId: string;
  readonly content: ContentPack;
}

/**
 * THE kiosk API: every call the UI can make, as name -> function type. Hosts
 * carry it (Electron IPC, HTTP), the renderer's client derives its types from
 * it, and nothing restates an argument or result type.
 */
export interface KioskHandlers {
  'app.info': () => AppInfo;
  'session.start': (args: { language: Language }) => StartedSession;
  'session.setLanguage': (args: { sessionId: string; language: Language }) => null;
  'session.end': (args: { sessionId: string; reason: SessionEndReason }) => null;
  'rating.submit': (args: { sessionId: string; serviceId: string; score: number; comment?: string | undefined }) => SavedSubmission;
  'sync.status': () => SyncStatus;
  /** Sync now (technician screen, or after a network repair). */
  'sync.now': () => SyncStatus;
  'sync.deadLetters': () => readonly DeadLetter[];
  'sync.retryDeadLetter': (args: { id: string }) => SyncStatus;
  'sync.exportDeadLetters': () => readonly SubmissionEnvelope[];
  /** Re-enrol with a new one-time token after revocation; the queue is kept. */
  'sync.reenrol': (args: { token: string }) => SyncStatus;
}

export type HandlerName = keyof KioskHandlers;

/** What a host runs for each call: the contract's function, allowed to answer asynchronously. */
export type KioskHandlerImpls = {
  readonly [N in HandlerName]: (...args: Parameters<KioskHandlers[N]>) => ReturnType<KioskHandlers[N]> | Promise<ReturnType<KioskHandlers[N]>>;
};
export type HandlerArgs<N extends HandlerName> = Parameters<KioskHandlers[N]> extends [infer A] ? A : undefined;
export type HandlerResult<N extends HandlerName> = ReturnType<KioskHandlers[N]>;

/** Events the core pushes to the UI, as name -> payload. */
export interface KioskEvents {
  'sync.status': SyncStatus;
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
