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

/** A file that travels with a submission (a voice message), uploaded separately and resumably (tus). */
export const AttachmentRef = z.object({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a plain file name'),
  size: z.number().int().positive().max(64 * 1024 * 1024),
  sha256: sha256Hex,
  contentType: z.enum(['audio/wav']),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

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
  /** Files Central must receive (with matching sha256) before it calls the submission complete. */
  attachments: z.array(AttachmentRef).max(8).default([]),
});
export type SubmissionEnvelope = z.infer<typeof SubmissionEnvelope>;
