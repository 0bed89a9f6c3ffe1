import type { Database } from 'better-sqlite3';
import type { PublicFeedback } from '../../../sync/protocol/feedbackStatus.js';
import { parseTrackingCode, type TrackingCodeProblem } from '../../../sync/protocol/trackingCode.js';
import type { CentralClient } from '../sync-client/centralClient.js';
import type { RequestSigner } from '../sync-client/requestSigner.js';
import type { SyncClient } from '../sync-client/syncClient.js';

/** What a visitor learns from a tracking code at the kiosk. */
export type FeedbackLookup =
  | { readonly state: 'found'; readonly feedback: PublicFeedback }
  /** Left on this kiosk and not yet sent (offline): the code is right, the answer will come. */
  | { readonly state: 'queued' }
  /** No feedback has this code (and nothing about any other feedback is said). */
  | { readonly state: 'not-found' }
  /** Not a code: wrong length, a character outside the alphabet, or the check character disagrees. */
  | { readonly state: 'mistyped'; readonly problem: TrackingCodeProblem }
  /** Central cannot be asked now (offline, or this kiosk is not enrolled). */
  | { readonly state: 'unavailable' }
  /** The answer cannot be reopened (not answered yet, or reopened too often). */
  | { readonly state: 'not-reopenable' };

export function createFeedbackLookup(db: Database, sync: SyncClient) {
  // Only this kiosk's own queue; a handful of rows, read by the code inside the payload.
  const queued = db
    .prepare<[string], number>(
      `SELECT 1 FROM submissions s JOIN outbox o ON o.submission_id = s.id
        WHERE s.type = 'feedback' AND o.state != 'acked' AND json_extract(s.payload_json, '$.trackingCode') = ?`,
    )
    .pluck();

  const ask = async (typed: string, run: (code: string) => Promise<FeedbackLookup>): Promise<FeedbackLookup> => {
    const parsed = parseTrackingCode(typed);
    if ('problem' in parsed) return { state: 'mistyped', problem: parsed.problem };
    if (queued.get(parsed.code) !== undefined) return { state: 'queued' };
    try {
      return await run(parsed.code);
    } catch {
      return { state: 'unavailable' };
    }
  };

  /** One signed call; not enrolled yet counts as unavailable, Central's 404 as not found. */
  const viaCentral = async (
    call: (central: CentralClient, sign: RequestSigner) => Promise<PublicFeedback | null>,
  ): Promise<FeedbackLookup> => {
    const result = await sync.signedCall(async (central, sign) => ({ feedback: await call(central, sign) }));
    if (result === null) return { state: 'unavailable' };
    return result.feedback === null ? { state: 'not-found' } : { state: 'found', feedback: result.feedback };
  };

  return {
    lookup: (typed: string): Promise<FeedbackLookup> =>
      ask(typed, (code) => viaCentral((central, sign) => central.feedbackStatus(sign, code))),
    reopen: (typed: string): Promise<FeedbackLookup> =>
      ask(typed, async (code) => {
        try {
          return await viaCentral((central, sign) => central.reopenFeedback(sign, code));
        } catch (error) {
          if ((error as { status?: number }).status === 409) return { state: 'not-reopenable' };
          throw error;
        }
      }),
  };
}
