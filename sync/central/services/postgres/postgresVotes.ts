import type pg from 'pg';
import { countsBefore, type VoteEnvelope } from '../voteCheck.js';

export interface AcceptedVote {
  readonly item: VoteEnvelope;
  /** Null for a session ballot: every vote counts. */
  readonly voterKey: string | null;
}

/** A vote that counts for its voter now: one already stored, or one of this batch. */
interface Counted {
  readonly order: readonly string[];
  readonly stored: boolean;
  readonly row?: { counted: number };
}

/**
 * A batch's votes on PostgreSQL, under ingest's lock: per ballot and voter key
 * exactly one vote counts, the one `countsBefore` puts first (as voteIngest.ts
 * decides on SQLite, vote by vote in the batch's order). The votes that count
 * now are read in one query; a stored one that an earlier vote of this batch
 * displaces is uncounted in one statement; this batch's votes are written with
 * their final flag.
 */
export async function storeVotes(
  client: pg.ClientBase,
  deviceId: string,
  votes: readonly AcceptedVote[],
  receivedAt: string,
): Promise<void> {
  const verified = votes.filter((vote) => vote.voterKey !== null);
  const current = new Map<string, Counted>();
  const voter = (ballotId: string, voterKey: string) => `${ballotId}\u0000${voterKey}`;
  if (verified.length > 0) {
    const { rows } = await client.query<{
      ballot_id: string;
      voter_key: string;
      device_id: string;
      submission_id: string;
      claimed_at: string;
    }>({
      name: 'psh-ingest-counted-votes',
      text: `SELECT v.ballot_id, v.voter_key, v.device_id, v.submission_id, v.claimed_at FROM votes v
        JOIN unnest($1::text[], $2::text[]) AS wanted(ballot_id, voter_key) ON v.ballot_id = wanted.ballot_id AND v.voter_key = wanted.voter_key
        WHERE v.counted = 1`,
      values: [verified.map((vote) => vote.item.payload.ballotId), verified.map((vote) => vote.voterKey)],
    });
    for (const row of rows)
      current.set(voter(row.ballot_id, row.voter_key), { order: [row.claimed_at, row.device_id, row.submission_id], stored: true });
  }
  const uncount: Array<readonly string[]> = [];
  const rows = votes.map(({ item, voterKey }) => {
    const row = { item, voterKey, counted: 1 };
    if (voterKey === null) return row;
    const order = [item.createdAt, deviceId, item.id];
    const key = voter(item.payload.ballotId, voterKey);
    const now = current.get(key);
    if (now && !countsBefore(order, now.order)) {
      row.counted = 0;
      return row;
    }
    if (now?.stored) uncount.push(now.order);
    if (now?.row) now.row.counted = 0;
    current.set(key, { order, stored: false, row });
    return row;
  });
  if (uncount.length > 0)
    for (const table of ['votes', 'vote_choices'] as const)
      await client.query({
        name: `psh-ingest-uncount-${table}`,
        text: `UPDATE ${table} SET counted = 0 FROM unnest($1::text[], $2::text[]) AS displaced(device_id, submission_id)
          WHERE ${table}.device_id = displaced.device_id AND ${table}.submission_id = displaced.submission_id`,
        values: [uncount.map(([, device]) => device), uncount.map(([, , submission]) => submission)],
      });
  await client.query({
    name: 'psh-ingest-votes',
    text: `INSERT INTO votes (device_id, submission_id, ballot_id, voter_key, claimed_at, received_at, counted)
      SELECT $1, submission_id, ballot_id, voter_key, claimed_at, $2, counted
      FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[]) AS v(submission_id, ballot_id, voter_key, claimed_at, counted)`,
    values: [
      deviceId,
      receivedAt,
      rows.map((row) => row.item.id),
      rows.map((row) => row.item.payload.ballotId),
      rows.map((row) => row.voterKey),
      rows.map((row) => row.item.createdAt),
      rows.map((row) => row.counted),
    ],
  });
  const choices = rows.flatMap((row) => row.item.payload.choices.map((choice) => ({ row, choice })));
  await client.query({
    name: 'psh-ingest-vote-choices',
    text: `INSERT INTO vote_choices (device_id, submission_id, ballot_id, initiative_id, counted)
      SELECT $1, submission_id, ballot_id, initiative_id, counted
      FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS c(submission_id, ballot_id, initiative_id, counted)`,
    values: [
      deviceId,
      choices.map(({ row }) => row.item.id),
      choices.map(({ row }) => row.item.payload.ballotId),
      choices.map(({ choice }) => choice),
      choices.map(({ row }) => row.counted),
    ],
  });
}
