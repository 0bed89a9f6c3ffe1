import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { FEEDBACK_STATUSES } from '../db/schema.js';
import { MAX_REOPENINGS, findFeedback, responsesOf } from './feedback.js';

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

export async function publicFeedback(db: Kysely<CentralDatabase>, code: string): Promise<PublicFeedback | undefined> {
  const row = await findFeedback(db, code);
  if (!row) return undefined;
  const responses = await responsesOf(db, code);
  return {
    code: row.code,
    status: row.status,
    kind: row.kind,
    serviceId: row.service_id,
    branchId: row.branch_id,
    message: row.message,
    hasVoice: row.has_voice === 1,
    receivedAt: row.clock_start_at,
    dueAt: row.current_due_at,
    firstAnsweredAt: row.first_answered_at,
    updatedAt: row.updated_at,
    responses: responses.map((response) => ({ text: response.text, publishedAt: response.published_at })),
    canReopen: (row.status === 'answered' || row.status === 'closed') && row.reopened_count < MAX_REOPENINGS,
  };
}
