import { RECEIPT_CODE_PATTERN } from './receiptCode.js';
import { z } from 'zod';
import { Language } from './localized.js';
import { Answer } from './survey.js';
import { TRACKING_CODE_PATTERN } from './trackingCode.js';
import { FEEDBACK_KINDS, MAX_FEEDBACK_MESSAGE } from './feedbackKinds.js';

export const RatingPayload = z.object({
  type: z.literal('rating'),
  serviceId: z.string().min(1).max(64),
  deskId: z.string().min(1).max(64),
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
  language: Language,
});
export type RatingPayload = z.infer<typeof RatingPayload>;

export { FEEDBACK_KINDS, MAX_FEEDBACK_MESSAGE };
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

/**
 * Feedback PSH must answer within 24 hours. The contact details never travel
 * here: they are sealed to Central's key and sent beside the payload (see
 * SubmissionEnvelope.personal), so the kiosk can forget them after the receipt.
 */
export const FeedbackPayload = z.object({
  type: z.literal('feedback'),
  trackingCode: z.string().regex(TRACKING_CODE_PATTERN, 'eight Crockford base32 characters'),
  kind: FeedbackKind,
  serviceId: z.string().min(1).max(64),
  deskId: z.string().min(1).max(64),
  message: z.string().min(1).max(MAX_FEEDBACK_MESSAGE).optional(),
  language: Language,
  /** The visitor left contact details and agreed to be contacted with them. */
  consentToContact: z.boolean(),
  /**
   * The visitor asked to be told, at the contact they left, when the feedback is received, answered and
   * reopened (issue #32). Never preselected; absent from kiosks older than notifications.
   */
  notifyMe: z.boolean().optional(),
});
export type FeedbackPayload = z.infer<typeof FeedbackPayload>;

/** One visitor's answers to one survey, in the content version they started with (the envelope's contentVersion). */
export const SurveyPayload = z.object({
  type: z.literal('survey'),
  surveyId: z.string().min(1).max(64),
  answers: z.record(z.string().min(1).max(64), Answer),
  language: Language,
});
export type SurveyPayload = z.infer<typeof SurveyPayload>;

/** A vote for up to the ballot's maxChoices initiatives; the personal number (verified ballots) travels sealed in envelope.personal. */
export const VotePayload = z.object({
  type: z.literal('vote'),
  ballotId: z.string().min(1).max(64),
  choices: z.array(z.string().min(1).max(64)).min(1).max(10),
  language: Language,
});
export type VotePayload = z.infer<typeof VotePayload>;

export const MAX_PROPOSAL_TITLE = 120;

/** A citizen's proposal of a new service, followed by its tracking code; staff accept it into a ballot or reject it with a public reason. */
export const ProposalPayload = z.object({
  type: z.literal('proposal'),
  trackingCode: z.string().regex(TRACKING_CODE_PATTERN, 'eight Crockford base32 characters'),
  title: z.string().min(1).max(MAX_PROPOSAL_TITLE),
  description: z.string().min(1).max(MAX_FEEDBACK_MESSAGE).optional(),
  language: Language,
  /** The citizen asked to be told, at the contact they left, when staff decide (issue #32). Never preselected. */
  notifyMe: z.boolean().optional(),
});
export type ProposalPayload = z.infer<typeof ProposalPayload>;

export const SubmissionPayload = z.discriminatedUnion('type', [
  RatingPayload,
  FeedbackPayload,
  SurveyPayload,
  VotePayload,
  ProposalPayload,
]);
export type SubmissionPayload = z.infer<typeof SubmissionPayload>;

const sealedBox = z.string().regex(/^[A-Za-z0-9_-]{80,2048}$/, 'a sealed box (base64url)');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

/** A file that travels with a submission (a voice message), uploaded separately and resumably (tus). */
export const AttachmentRef = z.object({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a plain file name'),
  size: z
    .number()
    .int()
    .positive()
    .max(64 * 1024 * 1024),
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
  /**
   * The citizen's receipt code (sync/record/receipt.ts): outside the payload and
   * its hash, like `personal`. Central keeps only hashes of it in the public
   * record, and the kiosk forgets it once acknowledged. Absent from kiosks older than receipts.
   */
  receiptCode: z.string().regex(RECEIPT_CODE_PATTERN, 'twenty Crockford base32 characters').optional(),
  /**
   * Personal data, sealed on the kiosk to Central's public key (X25519 +
   * AES-256-GCM): outside the payload and its hash, so the kiosk deletes it
   * once acknowledged and a later resend still matches. The request signature covers it.
   */
  personal: z
    .object({
      contact: sealedBox.optional(),
      /** A verified vote's personal number: Central opens it only to derive the voter key, and keeps neither. */
      personalNumber: sealedBox.optional(),
    })
    .optional(),
});
export type SubmissionEnvelope = z.infer<typeof SubmissionEnvelope>;
