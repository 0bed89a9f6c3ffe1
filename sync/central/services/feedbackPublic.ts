import type { Kysely } from 'kysely';
import { PublicFeedback } from '../../protocol/feedbackStatus.js';
import type { CentralDatabase } from '../db/schema.js';

export { PublicFeedback };
import { MAX_REOPENINGS, findFeedback, responsesOf } from './feedback.js';

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
