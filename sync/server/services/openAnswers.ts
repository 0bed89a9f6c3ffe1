import type { Kysely } from 'kysely';
import type { Answer, Survey } from '../../protocol/survey.js';
import type { CentralDatabase } from '../db/schema.js';

/** One answer to a free-text question: typed, spoken, or both. Never published (it may hold personal details). */
export interface OpenAnswer {
  readonly deviceId: string;
  readonly submissionId: string;
  readonly receivedAt: string;
  readonly questionId: string;
  readonly text: string | null;
  readonly voice: boolean;
}

export const OPEN_ANSWERS_PAGE = 200;

/** The newest answers to a survey's free-text questions, for staff to read and hear. */
export async function openAnswers(db: Kysely<CentralDatabase>, survey: Survey): Promise<OpenAnswer[]> {
  const textQuestions = survey.questions.filter((question) => question.type === 'text').map((question) => question.id);
  if (textQuestions.length === 0) return [];
  const rows = await db.selectFrom('submissions').select(['device_id', 'id', 'received_at', 'payload_json']).where('type', '=', 'survey').orderBy('received_at', 'desc').execute();
  const found: OpenAnswer[] = [];
  for (const row of rows) {
    const payload = JSON.parse(row.payload_json) as { surveyId: string; answers: Record<string, Answer> };
    if (payload.surveyId !== survey.id) continue;
    for (const questionId of textQuestions) {
      const answer = payload.answers[questionId];
      if (!answer || !('text' in answer || 'voice' in answer)) continue;
      found.push({ deviceId: row.device_id, submissionId: row.id, receivedAt: row.received_at, questionId, text: 'text' in answer ? (answer.text ?? null) : null, voice: 'voice' in answer });
    }
    if (found.length >= OPEN_ANSWERS_PAGE) break;
  }
  return found.slice(0, OPEN_ANSWERS_PAGE);
}
