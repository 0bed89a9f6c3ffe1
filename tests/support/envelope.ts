import { v7 as uuidv7 } from 'uuid';
import { payloadSha256 } from '../../src-main/core/outbox/payloadHash.js';
import type { RatingPayload, SubmissionEnvelope } from '../../sync/protocol/submission.js';

/** A well-formed envelope around any payload, as a kiosk would send it (content version 1: the demo pack). */
export function envelopeOf<P extends SubmissionEnvelope['payload']>(seq: number, payload: P): SubmissionEnvelope & { payload: P } {
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

/** A well-formed rating envelope, as a kiosk would send it. */
export function ratingEnvelope(seq: number, overrides: Partial<RatingPayload> = {}): SubmissionEnvelope {
  return envelopeOf(seq, { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-7', score: 5, language: 'ka', ...overrides });
}
