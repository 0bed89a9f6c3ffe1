import { z } from 'zod';
import { SubmissionEnvelope } from './submission.js';

/** Central advertises this in the enrolment answer; a bigger batch is refused whole. */
export const MAX_BATCH_ITEMS = 100;

export const PushRequest = z.object({
  items: z.array(SubmissionEnvelope).min(1).max(MAX_BATCH_ITEMS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const ReceiptStatus = z.enum(['accepted', 'duplicate', 'conflict', 'rejected']);
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

export const Receipt = z.object({
  id: z.uuid(),
  status: ReceiptStatus,
  reason: z.string().optional(),
  receivedAt: z.iso.datetime(),
});
export type Receipt = z.infer<typeof Receipt>;

export const PushResponse = z.object({ receipts: z.array(Receipt) });
export type PushResponse = z.infer<typeof PushResponse>;
