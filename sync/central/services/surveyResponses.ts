import type { Kysely } from 'kysely';
import type { Answer } from '../../protocol/survey.js';
import type { CentralDatabase } from '../db/schema.js';

export interface SurveyResponse {
  readonly deviceId: string;
  readonly submissionId: string;
  readonly receivedAt: string;
  readonly answers: Readonly<Record<string, Answer>>;
}

/**
 * Every response Central accepted for one survey (all content versions).
 * Responses live in `submissions` as payload JSON, so this reads the survey
 * submissions and keeps this survey's: the tally and the open answers share it.
 */
export async function surveyResponses(
  db: Kysely<CentralDatabase>,
  surveyId: string,
  order: 'any' | 'newest-first' = 'any',
): Promise<SurveyResponse[]> {
  let query = db.selectFrom('submissions').select(['device_id', 'id', 'received_at', 'payload_json']).where('type', '=', 'survey');
  if (order === 'newest-first') query = query.orderBy('received_at', 'desc');
  const rows = await query.execute();
  return rows.flatMap((row) => {
    const payload = JSON.parse(row.payload_json) as { surveyId: string; answers: Record<string, Answer> };
    return payload.surveyId === surveyId
      ? [{ deviceId: row.device_id, submissionId: row.id, receivedAt: row.received_at, answers: payload.answers }]
      : [];
  });
}
