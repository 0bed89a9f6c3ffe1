import type { Kysely } from 'kysely';
import type { Survey } from '../../protocol/survey.js';
import type { CentralDatabase } from '../db/schema.js';
import { surveyResponses } from './surveyResponses.js';

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
  const found: OpenAnswer[] = [];
  for (const response of await surveyResponses(db, survey.id, 'newest-first')) {
    for (const questionId of textQuestions) {
      const answer = response.answers[questionId];
      if (!answer || !('text' in answer || 'voice' in answer)) continue;
      found.push({
        deviceId: response.deviceId,
        submissionId: response.submissionId,
        receivedAt: response.receivedAt,
        questionId,
        text: 'text' in answer ? (answer.text ?? null) : null,
        voice: 'voice' in answer,
      });
    }
    if (found.length >= OPEN_ANSWERS_PAGE) break;
  }
  return found.slice(0, OPEN_ANSWERS_PAGE);
}
