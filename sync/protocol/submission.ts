import { z } from 'zod';
import { Language } from './localized.js';

export const RatingPayload = z.object({
  type: z.literal('rating'),
  serviceId: z.string().min(1).max(64),
  deskId: z.string().min(1).max(64),
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
  language: Language,
});
export type RatingPayload = z.infer<typeof RatingPayload>;

/** A discriminated union: later flows (survey, vote, feedback, proposal) add members here. */
export const SubmissionPayload = z.discriminatedUnion('type', [RatingPayload]);
export type SubmissionPayload = z.infer<typeof SubmissionPayload>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

/** One submission as it travels from kiosk to Central. */
export const SubmissionEnvelope = z.object({
  id: z.uuid({ version: 'v7' }),
  seq: z.number().int().positive(),
  payloadSha256: sha256Hex,
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int().positive(),
  contentVersion: z.number().int().nonnegative(),
  confirmationCode: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{6}$/, 'six Crockford base32 characters'),
  payload: SubmissionPayload,
});
export type SubmissionEnvelope = z.infer<typeof SubmissionEnvelope>;
