import { v7 as uuidv7 } from 'uuid';
import { payloadSha256 } from '../../src-main/core/outbox/payloadHash.js';
import type { RatingPayload, SubmissionEnvelope } from '../../sync/protocol/submission.js';

/** A well-formed rating envelope, as a kiosk would send it. */
export function ratingEnvelope(seq: number, overrides: Partial<RatingPayload> = {}): SubmissionEnvelope {
  const payload: RatingPayload = { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-7', score: 5, language: 'ka', ...overrides };
  return {
    id: uuidv7(),
    seq,
    payloadSha256: payloadSha256(payload),
    createdAt: new Date().toISOString(),
    schemaVersion: 1,
    contentVersion: 1,
    confirmationCode: 'ABC123',
    payload,
    attachments: [],
  };
}
