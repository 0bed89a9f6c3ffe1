import { z } from 'zod';

export const FEEDBACK_STATUSES = ['received', 'in-review', 'answered', 'closed', 'reopened'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * What anyone holding a tracking code may see: status, dates, the citizen's
 * own message and the published responses. Never the contact details, the
 * team's internal notes, the voice recording or who answered.
 */
export const PublicFeedback = z.object({
  code: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  kind: z.string(),
  serviceId: z.string(),
  branchId: z.string(),
  message: z.string().nullable(),
  hasVoice: z.boolean(),
  receivedAt: z.string(),
  dueAt: z.string(),
  firstAnsweredAt: z.string().nullable(),
  updatedAt: z.string(),
  responses: z.array(z.object({ text: z.string(), publishedAt: z.string() })),
  /** The citizen may say the answer did not help (answered or closed, reopenings left). */
  canReopen: z.boolean(),
});
export type PublicFeedback = z.infer<typeof PublicFeedback>;
