import type BetterSqlite3 from 'better-sqlite3';
import { createPackReader } from './contentPacks.js';
import { countsBefore, createVoteCheck, type VoteEnvelope, type VoteKeys } from './voteCheck.js';

export type { VoteKeys } from './voteCheck.js';

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
    check: createVoteCheck(pack, keys),

    record(deviceId: string, item: VoteEnvelope, voterKey: string | null, receivedAt: string): void {
      let counted = 1;
      if (voterKey !== null) {
        const current = countedVote.get(item.payload.ballotId, voterKey);
        if (current) {
          if (countsBefore([item.createdAt, deviceId, item.id], [current.claimed_at, current.device_id, current.submission_id])) {
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
