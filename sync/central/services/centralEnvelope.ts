import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../protocol/canonicalJson.js';
import type { AttachmentRef, SubmissionEnvelope, SubmissionPayload } from '../../protocol/submission.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { centralNow } from './clock.js';
import { sha256Hex } from './secrets.js';

/** What a submission Central itself builds carries besides its payload. */
export interface EnvelopeParts {
  readonly contentVersion: number;
  readonly confirmationCode: string;
  readonly receiptCode?: string;
  /** When the citizen sent it; Central's now unless it waited somewhere (a demo kiosk's queue). */
  readonly createdAt?: Date;
  readonly attachments?: readonly AttachmentRef[];
  readonly personal?: SubmissionEnvelope['personal'];
}

/**
 * A submission envelope built at Central, as the kiosk core builds one: for a
 * phone's form (phoneSubmit.ts) and the demo's history (demo/demoFeedback.ts),
 * so both take the kiosk's own path through ingest.
 */
export function centralEnvelope(payload: SubmissionPayload, parts: EnvelopeParts): SubmissionEnvelope {
  const createdAt = parts.createdAt ?? centralNow();
  return {
    id: uuidv7({ msecs: createdAt.getTime() }),
    // Kiosks number their own submissions; a device Central speaks for only needs a positive seq (reconciliation reads kiosks').
    seq: createdAt.getTime(),
    payloadSha256: sha256Hex(canonicalJson(payload)),
    createdAt: createdAt.toISOString(),
    schemaVersion: PROTOCOL_VERSION,
    contentVersion: parts.contentVersion,
    confirmationCode: parts.confirmationCode,
    payload,
    attachments: [...(parts.attachments ?? [])],
    ...(parts.receiptCode === undefined ? {} : { receiptCode: parts.receiptCode }),
    ...(parts.personal === undefined ? {} : { personal: parts.personal }),
  };
}
