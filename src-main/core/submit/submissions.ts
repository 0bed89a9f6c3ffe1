import type { Database } from 'better-sqlite3';
import { submitFeedback, type FeedbackInput } from './feedbackSubmission.js';
import { submitProposal, type ProposalInput } from './proposalSubmission.js';
import { submitRating, type RatingInput } from './ratingSubmission.js';
import { createSubmissionPath, type SubmissionPathParts } from './submissionPath.js';
import { submitSurvey, type SurveyInput } from './surveySubmission.js';
import { submitVote, type VoteInput } from './voteSubmission.js';

/**
 * What a visitor can send, each from an open session to the outbox along the
 * one submission path. A refusal (a Refusal, naming the argument) means
 * nothing was queued.
 */
export function createSubmissions(db: Database, parts: SubmissionPathParts) {
  const path = createSubmissionPath(parts);
  const voted = db
    .prepare<[string, string], number>(
      `SELECT 1 FROM submissions WHERE session_id = ? AND type = 'vote' AND json_extract(payload_json, '$.ballotId') = ?`,
    )
    .pluck();
  const votedInSession = (sessionId: string, ballotId: string) => voted.get(sessionId, ballotId) !== undefined;
  return {
    rating: (input: RatingInput) => submitRating(path, input),
    feedback: (input: FeedbackInput) => submitFeedback(path, input),
    survey: (input: SurveyInput) => submitSurvey(path, input),
    vote: (input: VoteInput) => submitVote(path, votedInSession, input),
    proposal: (input: ProposalInput) => submitProposal(path, input),
  };
}

export type Submissions = ReturnType<typeof createSubmissions>;
