import type { Kysely } from 'kysely';
import { failure, failures, success, type Outcome } from './outcome.js';
import type { z } from 'zod';
import { Ballot } from '../../protocol/ballot.js';
import { ballotProblems } from '../../protocol/ballotLogic.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import { Survey } from '../../protocol/survey.js';
import { surveyProblems } from '../../protocol/surveyLogic.js';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack, publishContentPack } from './content.js';

/** What staff author in the console: surveys and ballots, each under its id in the content pack. */
export type ContentKind = 'survey' | 'ballot';
/** Each kind's path segment: /console/content/surveys/..., /console/tallies/ballots/..., /results/surveys/... */
export const SEGMENT_OF_KIND = { survey: 'surveys', ballot: 'ballots' } as const satisfies Record<ContentKind, string>;
export const kindOfSegment = (segment: string | undefined): ContentKind | undefined =>
  segment === SEGMENT_OF_KIND.survey ? 'survey' : segment === SEGMENT_OF_KIND.ballot ? 'ballot' : undefined;
export type Authored = { readonly kind: 'survey'; readonly item: Survey } | { readonly kind: 'ballot'; readonly item: Ballot };

/** zod issues as "where: what", e.g. `questions[2].choices: Too small: expected array to have >=2 items`. */
function issuesOf(error: z.ZodError, kind: ContentKind): string[] {
  return error.issues.map((issue) => {
    const where = issue.path
      .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
      .join('');
    return `${where || `(${kind})`}: ${issue.message}`;
  });
}

export type ContentCheck = Outcome<Authored>;

/** A survey or ballot as staff wrote it (JSON): its shape, then the publishing rules, each problem naming its place. */
export function checkContentJson(kind: ContentKind, text: string): ContentCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return failure(`Not valid JSON: ${(error as Error).message}`);
  }
  if (kind === 'survey') {
    const parsed = Survey.safeParse(raw);
    if (!parsed.success) return failures(issuesOf(parsed.error, kind));
    const problems = surveyProblems(parsed.data);
    return problems.length > 0 ? failures(problems) : success({ kind, item: parsed.data });
  }
  const parsed = Ballot.safeParse(raw);
  if (!parsed.success) return failures(issuesOf(parsed.error, kind));
  const problems = ballotProblems(parsed.data);
  return problems.length > 0 ? failures(problems) : success({ kind, item: parsed.data });
}

/**
 * Votes already cast bind a ballot: an initiative with votes cannot be
 * removed (its votes would count for nothing) and the policy cannot change
 * (a session vote is not one-per-person). Closing is the way to end a ballot.
 */
export async function ballotChangeProblems(db: Kysely<CentralDatabase>, ballot: Ballot): Promise<string[]> {
  const voted = await db.selectFrom('vote_choices').select('initiative_id').distinct().where('ballot_id', '=', ballot.id).execute();
  if (voted.length === 0) return [];
  const current = (await latestContentPack(db))?.ballots.find((existing) => existing.id === ballot.id);
  const kept = new Set(ballot.initiatives.map((initiative) => initiative.id));
  const problems = voted
    .filter((row) => !kept.has(row.initiative_id))
    .map((row) => `initiative "${row.initiative_id}": it already has votes and cannot be removed (close the ballot instead)`);
  if (current && current.policy !== ballot.policy)
    problems.push(`ballot "${ballot.id}": votes have been cast, so its policy stays "${current.policy}"`);
  return problems;
}

/**
 * Publishes a new content pack version with this survey or ballot added (or
 * replacing the one with its id). Visitors mid-flow keep the version they
 * started with; kiosks pull the new pack on their next sync.
 */
export async function publishAuthored(db: Kysely<CentralDatabase>, authored: Authored): Promise<ContentPack> {
  const latest = await latestContentPack(db);
  if (!latest) throw new Error('No content pack to build on');
  const next: ContentPack = {
    ...latest,
    version: latest.version + 1,
    publishedAt: new Date().toISOString(),
    ...(authored.kind === 'survey'
      ? { surveys: [...latest.surveys.filter((existing) => existing.id !== authored.item.id), authored.item] }
      : { ballots: [...latest.ballots.filter((existing) => existing.id !== authored.item.id), authored.item] }),
  };
  await publishContentPack(db, next);
  return next;
}

/** The survey or ballot with this id in the current pack. */
export async function findAuthored(db: Kysely<CentralDatabase>, kind: ContentKind, id: string): Promise<Authored | undefined> {
  const latest = await latestContentPack(db);
  if (kind === 'survey') {
    const item = latest?.surveys.find((existing) => existing.id === id);
    return item ? { kind, item } : undefined;
  }
  const item = latest?.ballots.find((existing) => existing.id === id);
  return item ? { kind, item } : undefined;
}

/** Closes a survey or ballot now (a new pack version with its closing time set to now). */
export async function closeAuthored(db: Kysely<CentralDatabase>, kind: ContentKind, id: string): Promise<ContentPack | undefined> {
  const found = await findAuthored(db, kind, id);
  if (!found) return undefined;
  const closesAt = new Date().toISOString();
  return publishAuthored(
    db,
    found.kind === 'survey' ? { kind: 'survey', item: { ...found.item, closesAt } } : { kind: 'ballot', item: { ...found.item, closesAt } },
  );
}
