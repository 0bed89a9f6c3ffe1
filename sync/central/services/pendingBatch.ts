import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';

/** One request's batch, waiting for the next group commit (on either engine). */
export interface PendingBatch {
  readonly deviceId: string;
  readonly items: readonly SubmissionEnvelope[];
  /** The request's nonce, recorded in the same commit. */
  readonly nonce: string | undefined;
  readonly resolve: (receipts: Receipt[]) => void;
  readonly reject: (error: unknown) => void;
}
