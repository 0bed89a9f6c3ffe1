import { PERSONAL_NUMBER } from '../../protocol/ballot.js';
import { choiceProblem, type ChoiceProblem } from '../../protocol/ballotLogic.js';
import type { SubmissionEnvelope, VotePayload } from '../../protocol/submission.js';
import type { PackReader } from './contentPacks.js';
import { failure, success, type Outcome } from './outcome.js';
import type { SealingKey } from './sealingKey.js';
import type { VoterKeyOf } from './voterKey.js';

export interface VoteKeys {
  readonly sealingKey: SealingKey;
  readonly voterKeyOf: VoterKeyOf;
}

export type VoteEnvelope = SubmissionEnvelope & { payload: VotePayload };

/** A rejected receipt's reason, for the technician who reads the kiosk's dead letters. */
function choiceProblemText(problem: ChoiceProblem, ballotId: string): string {
  switch (problem.kind) {
    case 'none-chosen':
      return 'no initiative chosen';
    case 'unknown-initiative':
      return `"${problem.initiative}" is not an initiative of ballot "${ballotId}"`;
    case 'chosen-twice':
      return 'an initiative is chosen twice';
    case 'too-many':
      return `at most ${problem.max} choices on ballot "${ballotId}"`;
  }
}

/** Why a vote cannot be accepted (for the rejected receipt), or its voter key (null for session ballots). */
export function createVoteCheck(pack: PackReader, keys: VoteKeys) {
  return (item: VoteEnvelope): Outcome<string | null> => {
    const ballot = pack(item.contentVersion)?.ballots.find((candidate) => candidate.id === item.payload.ballotId);
    if (!ballot) return failure(`ballot "${item.payload.ballotId}" is not in content version ${item.contentVersion}`);
    const problem = choiceProblem(ballot, item.payload.choices);
    if (problem) return failure(choiceProblemText(problem, ballot.id));
    if (ballot.policy === 'session') return success(null);
    const sealed = item.personal?.personalNumber;
    const number = sealed === undefined ? undefined : keys.sealingKey.open(sealed);
    if (number === undefined || !PERSONAL_NUMBER.test(number))
      return failure('a verified ballot needs a personal number sealed to this Central');
    return success(keys.voterKeyOf(ballot.id, number));
  };
}

/**
 * Of two votes by one voter on one ballot, whether the first counts instead of
 * the second: the earlier by the time the kiosk recorded it, then by device,
 * then by id, so kiosks that sync in any order converge on the same tally.
 * Each vote is [claimed_at, device_id, submission_id].
 */
export const countsBefore = (a: readonly string[], b: readonly string[]): boolean => a.join('\u0000') < b.join('\u0000');
