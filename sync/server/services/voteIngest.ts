import type BetterSqlite3 from 'better-sqlite3';
import { failure, success, type Outcome } from './outcome.js';
import { PERSONAL_NUMBER } from '../../protocol/ballot.js';
import { choiceProblem, type ChoiceProblem } from '../../protocol/ballotLogic.js';
import type { SubmissionEnvelope, VotePayload } from '../../protocol/submission.js';
import { createPackReader } from './contentPacks.js';
import type { SealingKey } from './sealingKey.js';
import type { VoterKeyOf } from './voterKey.js';

export interface VoteKeys {
  readonly sealingKey: SealingKey;
  readonly voterKeyOf: VoterKeyOf;
}

type VoteEnvelope = SubmissionEnvelope & { payload: VotePayload };

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

/**
 * Votes in the ingest transaction. A verified vote's sealed personal number is
 * opened here, in memory, only to derive the voter key; neither the number nor
 * its sealed box is stored. Per ballot and voter key exactly one vote counts:
 * the earliest by the time the kiosk recorded it (then by device and id), so
 * kiosks that sync in any order converge on the same tally; later ones are
 * kept as duplicates.
 */
export function createVoteIngest(sqlite: BetterSqlite3.Database, keys: VoteKeys) {
  const pack = createPackReader(sqlite);
  const countedVote = sqlite.prepare<[string, string], { device_id: string; submission_id: string; claimed_at: string }>(
    'SELECT device_id, submission_id, claimed_at FROM votes WHERE ballot_id = ? AND voter_key = ? AND counted = 1',
  );
  const insertVote = sqlite.prepare(
    `INSERT INTO votes (device_id, submission_id, ballot_id, voter_key, claimed_at, received_at, counted) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertChoice = sqlite.prepare(
    'INSERT INTO vote_choices (device_id, submission_id, ballot_id, initiative_id, counted) VALUES (?, ?, ?, ?, ?)',
  );
  const uncountVote = sqlite.prepare('UPDATE votes SET counted = 0 WHERE device_id = ? AND submission_id = ?');
  const uncountChoices = sqlite.prepare('UPDATE vote_choices SET counted = 0 WHERE device_id = ? AND submission_id = ?');

  return {
    /** Why this vote cannot be accepted (for the rejected receipt), or its voter key (null for session ballots). */
    check(item: VoteEnvelope): Outcome<string | null> {
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
    },

    record(deviceId: string, item: VoteEnvelope, voterKey: string | null, receivedAt: string): void {
      let counted = 1;
      if (voterKey !== null) {
        const current = countedVote.get(item.payload.ballotId, voterKey);
        const earlier = (a: readonly string[], b: readonly string[]) => a.join('\u0000') < b.join('\u0000');
        if (current) {
          if (earlier([item.createdAt, deviceId, item.id], [current.claimed_at, current.device_id, current.submission_id])) {
            uncountVote.run(current.device_id, current.submission_id);
            uncountChoices.run(current.device_id, current.submission_id);
          } else counted = 0;
        }
      }
      insertVote.run(deviceId, item.id, item.payload.ballotId, voterKey, item.createdAt, receivedAt, counted);
      for (const choice of item.payload.choices) insertChoice.run(deviceId, item.id, item.payload.ballotId, choice, counted);
    },
  };
}
