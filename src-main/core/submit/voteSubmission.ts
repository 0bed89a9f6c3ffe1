import { PERSONAL_NUMBER } from '../../../sync/protocol/ballot.js';
import { choiceProblem } from '../../../sync/protocol/ballotLogic.js';
import { isOpenHere } from '../../../sync/protocol/surveyLogic.js';
import type { SavedSubmission } from './submissionPath.js';
import { Refusal } from './refusal.js';
import type { SubmissionPath } from './submissionPath.js';

export interface VoteInput {
  readonly sessionId: string;
  readonly ballotId: string;
  readonly choices: string[];
  readonly personalNumber?: string | undefined;
}

/**
 * A vote. A verified ballot's personal number is checked for its format and
 * sealed to Central's key before anything is written: the kiosk never stores
 * or logs it in clear, and cannot read it back.
 */
export function submitVote(
  path: SubmissionPath,
  votedInSession: (sessionId: string, ballotId: string) => boolean,
  input: VoteInput,
): SavedSubmission {
  const { session, content } = path.open(input.sessionId);
  const { ballotId, choices, personalNumber } = input;
  const ballot = content.ballots.find((candidate) => candidate.id === ballotId);
  if (!ballot) throw new Refusal('not-found', `No ballot "${ballotId}" in this session's content`, 'ballotId');
  if (!isOpenHere(ballot, path.config.branchId, 'kiosk', Date.parse(session.startedAt)))
    throw new Refusal('bad-request', 'This ballot is not open here', 'ballotId');
  const problem = choiceProblem(ballot, choices);
  if (problem)
    throw new Refusal(
      'bad-request',
      problem.kind === 'too-many' ? `At most ${problem.max} choices` : 'Choose initiatives of this ballot, each once',
      'choices',
    );
  if (votedInSession(session.id, ballotId)) throw new Refusal('bad-request', 'This visitor has already voted on this ballot', 'ballotId');
  let sealedNumber: string | undefined;
  if (ballot.policy === 'verified') {
    // The message never repeats what was typed.
    if (personalNumber === undefined || !PERSONAL_NUMBER.test(personalNumber))
      throw new Refusal('bad-request', 'A personal number has 11 digits', 'personalNumber');
    sealedNumber = path.seal(personalNumber, 'personalNumber', 'verified votes');
  }
  return path.queue(session, {
    payload: { type: 'vote', ballotId, choices, language: session.language },
    sealed: { personalNumber: sealedNumber },
  });
}
