import type { KioskConfig } from '../../../kiosk-config/schema.js';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import type { Recorder } from '../audio/recorder.js';
import type { ContentStore } from '../content/contentStore.js';
import { sealToCentral } from '../../../sync/node/sealToCentral.js';
import type { EnqueueInput, LocalAttachment, QueuedSubmission } from '../outbox/enqueue.js';
import type { createSessions, VisitorSession } from '../session/sessions.js';
import type { SyncClient } from '../sync-client/syncClient.js';
import { Refusal } from './refusal.js';

export interface SubmissionPathParts {
  readonly config: KioskConfig;
  readonly sessions: ReturnType<typeof createSessions>;
  readonly content: ContentStore;
  readonly recorder: Recorder;
  readonly sync: Pick<SyncClient, 'sealingKey' | 'nudge'>;
  readonly enqueue: (input: EnqueueInput) => QueuedSubmission;
}

/** A submission saved in the outbox, as the visitor is told: with the address of their receipt (a QR code on the thank-you screen). */
export interface SavedSubmission extends QueuedSubmission {
  readonly receiptUrl: string;
}

/** A submission ready to queue: its payload, files and sealed personal data, and the recordings it takes over. */
export interface Outgoing extends Omit<EnqueueInput, 'sessionId' | 'contentVersion'> {
  readonly recordingIds?: readonly string[];
}

/**
 * The steps every submission takes from an open session to the outbox, once:
 * each flow's submit (ratingSubmission.ts and its siblings) checks its own
 * rule from sync/protocol between `open` and `queue`.
 */
export function createSubmissionPath(parts: SubmissionPathParts) {
  const { config, sessions, content, recorder, sync } = parts;
  const publicBase = (config.central.publicUrl ?? config.central.url).replace(/\/+$/, '');
  return {
    config,
    /** The visitor's open session and the content version they started with (even if a newer pack arrived meanwhile). */
    open(sessionId: string): { readonly session: VisitorSession; readonly content: ContentPack } {
      const session = sessions.find(sessionId);
      if (!session) throw new Refusal('not-found', 'This visitor session has ended', 'sessionId');
      const pack = content.get(session.contentVersion);
      if (!pack) throw new Refusal('not-found', "This session's content is no longer on the kiosk", 'sessionId');
      return { session, content: pack };
    },

    /** A service of this session's content (ratings and feedback name one); refused otherwise. */
    service(content: ContentPack, serviceId: string): void {
      if (!content.services.some((service) => service.id === serviceId))
        throw new Refusal('bad-request', `Unknown service "${serviceId}"`, 'serviceId');
    },

    /** A finished recording of this session, as the attachment `name`; refused with `gone` (what to do instead) when it is not there. */
    recording(session: VisitorSession, recordingId: string, name: string, field: string, gone: string): LocalAttachment {
      const recording = recorder.finishedFor(recordingId, session.id);
      if (!recording) throw new Refusal('not-found', gone, field);
      return { name, path: recording.path, size: recording.size, sha256: recording.sha256, contentType: 'audio/wav' };
    },

    /**
     * Personal data sealed to Central's key before anything is written: the
     * clear text never reaches the database or a log. A kiosk that has never
     * reached Central has no key, and says what it cannot take.
     */
    seal(value: string, field: string, cannotTake: string): string {
      const key = sync.sealingKey();
      if (!key) throw new Refusal('bad-request', `This kiosk cannot take ${cannotTake} until it has connected to Central once`, field);
      return sealToCentral(value, key);
    },

    /** Queued in one transaction (only then may the UI say "saved"); the recordings now belong to the outbox; sync is nudged. */
    queue(session: VisitorSession, outgoing: Outgoing): SavedSubmission {
      const { recordingIds = [], ...input } = outgoing;
      const saved = parts.enqueue({ ...input, sessionId: session.id, contentVersion: session.contentVersion });
      for (const recordingId of recordingIds) recorder.handOver(recordingId);
      sync.nudge();
      return { ...saved, receiptUrl: `${publicBase}/record/receipts/${saved.receiptCode}` };
    },

    /** The public page a tracking code opens (QR code on the thank-you screen). */
    publicUrl: (path: string): string => `${publicBase}${path}`,
  };
}

export type SubmissionPath = ReturnType<typeof createSubmissionPath>;
