import type { Kysely } from 'kysely';
import { newConfirmationCode } from '../../node/confirmationCode.js';
import type { Receipt } from '../../protocol/push.js';
import { sealToCentral } from '../../node/sealToCentral.js';
import type { SubmissionPayload } from '../../protocol/submission.js';
import { centralEnvelope } from './centralEnvelope.js';
import { VOICE_MESSAGE_FILE } from '../../protocol/messageLogic.js';
import type { CentralDatabase } from '../db/schema.js';
import { ensureChannelDevice } from './channelDevices.js';
import { markAttachmentReceived } from './attachments.js';
import { ingestBatch } from './ingest.js';
import type { VoteKeys } from './voteCheck.js';

export interface PhoneSubmission {
  /** A phone at a branch's desk, or the web site (no branch). */
  readonly channel: 'phone' | 'web';
  readonly branchId: string;
  readonly contentVersion: number;
  readonly payload: SubmissionPayload;
  /** Clear contact details, sealed here to Central's own key: stored exactly as a kiosk's sealed contact. */
  readonly contact?: string | undefined;
  /** A verified vote's personal number: sealed here like a kiosk seals it; ingest opens it only to derive the voter key. */
  readonly personalNumber?: string | undefined;
  /** A voice message already uploaded (a phone uploads it before sending the form): declared, then marked received. */
  readonly voice?: { readonly uploadId: string; readonly size: number; readonly sha256: string } | undefined;
}

export interface PhoneOutcome {
  readonly receipt: Receipt;
  /** The submission's id, under the branch's phone device. */
  readonly id: string;
  readonly deviceId: string;
  readonly confirmationCode: string;
  /** The citizen's receipt code: its page shows the entry in the public record. */
  readonly receiptCode: string;
}

/**
 * A phone's submission takes the kiosk's path into Central: the same envelope
 * (built here, as the kiosk core builds it), the same ingest transaction with
 * its checks (survey fits its version, ballot rules, tracking code free), the
 * same public record entry, from the branch's phone device. What the phone
 * sees is the receipt: accepted, or rejected with the reason.
 */
export async function submitFromPhone(db: Kysely<CentralDatabase>, keys: VoteKeys, submission: PhoneSubmission): Promise<PhoneOutcome> {
  const deviceId = await ensureChannelDevice(db, submission.channel, submission.branchId);
  const confirmationCode = newConfirmationCode();
  const receiptCode = newConfirmationCode(20);
  const envelope = centralEnvelope(submission.payload, {
    contentVersion: submission.contentVersion,
    confirmationCode,
    receiptCode,
    attachments: submission.voice
      ? [{ name: VOICE_MESSAGE_FILE, size: submission.voice.size, sha256: submission.voice.sha256, contentType: 'audio/wav' }]
      : [],
    ...(submission.contact === undefined && submission.personalNumber === undefined
      ? {}
      : {
          personal: {
            ...(submission.contact === undefined ? {} : { contact: sealToCentral(submission.contact, keys.sealingKey.publicKeyPem) }),
            ...(submission.personalNumber === undefined
              ? {}
              : { personalNumber: sealToCentral(submission.personalNumber, keys.sealingKey.publicKeyPem) }),
          },
        }),
  });
  const [receipt] = await ingestBatch(db, keys, deviceId, [envelope]);
  if (!receipt) throw new Error('ingest returned no receipt for the phone submission');
  // The file is here already (its sha256 was computed from it when its upload finished): the submission is complete at once.
  if (submission.voice && receipt.status === 'accepted')
    await markAttachmentReceived(db, { deviceId, submissionId: envelope.id, name: VOICE_MESSAGE_FILE }, submission.voice.uploadId);
  return { receipt, id: envelope.id, deviceId, confirmationCode, receiptCode };
}
