import type { Kysely } from 'kysely';
import { refusal, success, type Outcome } from './outcome.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { LocalizedText } from '../../protocol/languages.js';
import type { CentralDatabase } from '../db/schema.js';
import { ballotTally } from './ballotTally.js';
import { latestContentPack, publishContentPack } from './content.js';
import type { ContentKind } from './contentAuthoring.js';
import { ballotResult, surveyResult } from './resultSummary.js';
import { surveyTally } from './surveyTally.js';

export type PublishOutcome = Outcome<ContentPack>;

/**
 * Staff publish a survey's or ballot's results with what happens next: the
 * public pages list it, and a new content pack carries a snapshot of it to
 * the kiosks (shown there once it has closed, offline too). Publishing again
 * replaces the snapshot with the tally of now.
 */
export async function publishResults(
  db: Kysely<CentralDatabase>,
  kind: ContentKind,
  id: string,
  nextSteps: LocalizedText,
  actor: string,
): Promise<PublishOutcome> {
  const latest = await latestContentPack(db);
  if (!latest) return refusal('noContent', { field: 'id' });
  const survey = kind === 'survey' ? latest.surveys.find((candidate) => candidate.id === id) : undefined;
  const ballot = kind === 'ballot' ? latest.ballots.find((candidate) => candidate.id === id) : undefined;
  if (!survey && !ballot) return refusal('unknownItem', { field: 'id', params: { kind } });
  // Checked before tallying: a refused publish costs no tally.
  if (!nextSteps.ka.trim()) return refusal('nextStepsGeorgianRequired', { field: 'nextKa' });
  const publishedAt = new Date().toISOString();
  const base = { publishedAt, nextSteps };
  const result = survey
    ? surveyResult(survey, await surveyTally(db, survey), latest.rating.labels, base)
    : ballot && ballotResult(ballot, await ballotTally(db, ballot), base);
  if (!result) return refusal('unknownItem', { field: 'id', params: { kind } });
  const pack: ContentPack = {
    ...latest,
    version: latest.version + 1,
    publishedAt,
    results: [...latest.results.filter((existing) => !(existing.kind === kind && existing.id === id)), result],
  };
  await publishContentPack(db, pack);
  await db
    .insertInto('published_results')
    .values({ kind, content_id: id, published_at: publishedAt, published_by: actor })
    .onConflict((oc) => oc.columns(['kind', 'content_id']).doUpdateSet({ published_at: publishedAt, published_by: actor }))
    .execute();
  return success(pack);
}
