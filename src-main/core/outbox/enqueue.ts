import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { AttachmentRef, SubmissionPayload } from '../../../sync/protocol/submission.js';
import { canonicalJson } from '../../../sync/protocol/canonicalJson.js';
import { newConfirmationCode } from '../../../sync/node/confirmationCode.js';
import { sha256OfCanonical } from './payloadHash.js';

export interface QueuedSubmission {
  readonly id: string;
  readonly seq: number;
  readonly confirmationCode: string;
  readonly createdAt: string;
  /** The citizen's receipt code: 20 characters, 100 random bits, on their receipt only. */
  readonly receiptCode: string;
}

/** A file already written in the kiosk data folder, with its size and sha256. */
export interface LocalAttachment extends AttachmentRef {
  readonly path: string;
}

export interface EnqueueInput {
  readonly payload: SubmissionPayload;
  readonly sessionId: string | null;
  readonly contentVersion: number;
  readonly attachments?: readonly LocalAttachment[];
  /** Personal data already sealed to Central's key (contact, personal number); deleted once Central acknowledges. */
  readonly sealed?: { readonly contact?: string | undefined; readonly personalNumber?: string | undefined };
}

/**
 * Writes a submission and its outbox row in ONE transaction. Only when this
 * returns may the UI tell the visitor "saved": the commit is durable (WAL, FULL).
 */
export function createEnqueue(db: Database): (input: EnqueueInput) => QueuedSubmission {
  const nextSeq = db.prepare<[], { next: number }>('SELECT coalesce(max(seq), 0) + 1 AS next FROM submissions');
  const insertSubmission = db.prepare(
    `INSERT INTO submissions (id, seq, type, session_id, payload_json, payload_sha256, created_at, content_version, confirmation_code)
     VALUES (@id, @seq, @type, @sessionId, @payloadJson, @payloadSha256, @createdAt, @contentVersion, @confirmationCode)`,
  );
  const insertReceipt = db.prepare('INSERT INTO receipt_codes (submission_id, code) VALUES (?, ?)');
  const insertSealed = db.prepare('INSERT INTO sealed_personal (submission_id, field, sealed) VALUES (?, ?, ?)');
  const insertOutbox = db.prepare(`INSERT INTO outbox (submission_id, state) VALUES (?, 'pending')`);
  const insertAttachment = db.prepare(
    'INSERT INTO attachments (submission_id, name, path, size, sha256, content_type) VALUES (@submissionId, @name, @path, @size, @sha256, @contentType)',
  );
  // IMMEDIATE takes the write lock first, so two writers can never read the same next seq.
  const write = db.transaction((input: EnqueueInput): QueuedSubmission => {
    const seq = nextSeq.get()?.next ?? 1;
    const { receiptCode, ...saved } = {
      id: uuidv7(),
      seq,
      confirmationCode: newConfirmationCode(),
      createdAt: new Date().toISOString(),
      receiptCode: newConfirmationCode(20),
    };
    // Canonicalised once: the stored text is exactly what the hash covers.
    const payloadJson = canonicalJson(input.payload);
    insertSubmission.run({
      ...saved,
      type: input.payload.type,
      sessionId: input.sessionId,
      payloadJson,
      payloadSha256: sha256OfCanonical(payloadJson),
      contentVersion: input.contentVersion,
    });
    for (const attachment of input.attachments ?? []) insertAttachment.run({ submissionId: saved.id, ...attachment });
    for (const [field, sealed] of Object.entries(input.sealed ?? {})) if (sealed !== undefined) insertSealed.run(saved.id, field, sealed);
    insertReceipt.run(saved.id, receiptCode);
    insertOutbox.run(saved.id);
    return { ...saved, receiptCode };
  });
  return (input) => write.immediate(input);
}
