import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ContentPack } from '../../protocol/contentPack.js';
import { Survey } from '../../protocol/survey.js';
import { surveyProblems } from '../../protocol/surveyLogic.js';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack, publishContentPack } from './content.js';

/** zod issues as "where: what", e.g. `questions[2].choices: Too small: expected array to have >=2 items`. */
function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
    return `${where || '(survey)'}: ${issue.message}`;
  });
}

export type SurveyCheck = { readonly ok: true; readonly survey: Survey } | { readonly ok: false; readonly problems: readonly string[] };

/** A survey as staff wrote it (JSON): its shape, then the engine's publishing rules, each problem naming its place. */
export function checkSurveyJson(text: string): SurveyCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = Survey.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: issuesOf(parsed.error) };
  const problems = surveyProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, survey: parsed.data };
}

/**
 * Publishes a new content pack version with this survey added (or replacing
 * the one with its id). Visitors mid-survey keep the version they started
 * with; kiosks pull the new pack on their next sync.
 */
export async function publishSurvey(db: Kysely<CentralDatabase>, survey: Survey): Promise<ContentPack> {
  const latest = await latestContentPack(db);
  if (!latest) throw new Error('No content pack to build on');
  const next: ContentPack = {
    ...latest,
    version: latest.version + 1,
    publishedAt: new Date().toISOString(),
    surveys: [...latest.surveys.filter((existing) => existing.id !== survey.id), survey],
  };
  await publishContentPack(db, next);
  return next;
}

/** Closes a survey now (a new pack version with its closing time set to now). */
export async function closeSurvey(db: Kysely<CentralDatabase>, surveyId: string): Promise<ContentPack | undefined> {
  const latest = await latestContentPack(db);
  const survey = latest?.surveys.find((existing) => existing.id === surveyId);
  if (!latest || !survey) return undefined;
  return publishSurvey(db, { ...survey, closesAt: new Date().toISOString() });
}
