import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import type { PublishedResult } from '../../../sync/protocol/publishedResult.js';

/** The key of one result in kiosk state: "survey:services-2027". */
export const resultKey = (result: Pick<PublishedResult, 'kind' | 'id'>): string => `${result.kind}:${result.id}`;

/**
 * The results the kiosk shows: those of surveys and ballots that have closed
 * (or left the pack), newest first. While a survey or ballot is still open, its
 * published numbers stay on the public pages, so the kiosk never seems to steer
 * a visitor who has yet to answer.
 */
export function visibleResults(content: Pick<ContentPack, 'results' | 'surveys' | 'ballots'>, now = Date.now()): PublishedResult[] {
  const closesAt = (result: PublishedResult) =>
    (result.kind === 'survey'
      ? content.surveys.find((survey) => survey.id === result.id)
      : content.ballots.find((ballot) => ballot.id === result.id)
    )?.closesAt;
  return content.results
    .filter((result) => {
      const closes = closesAt(result);
      return closes === undefined || Date.parse(closes) <= now;
    })
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}
