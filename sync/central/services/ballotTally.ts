import type { Kysely } from 'kysely';
import type { Ballot } from '../../protocol/ballot.js';
import type { CentralDatabase } from '../db/schema.js';
import { channelDevices, type Channel, type ChannelCounts } from './channels.js';
import { refusedPhoneVotes } from './phoneVoteLimit.js';

/** More votes than this from one kiosk within a minute, on an anonymous ballot, is flagged for a person to look at. */
export const BURST_PER_MINUTE = 20;

export interface BallotTally {
  readonly ballotId: string;
  /** Votes that count (one per voter on verified ballots). */
  readonly votes: number;
  /** Later votes by the same person (verified ballots): recorded, shown, never counted. */
  readonly duplicates: number;
  readonly initiatives: ReadonlyArray<{ readonly id: string; readonly votes: number }>;
  /** Kiosks that sent an unusual burst of anonymous votes (session ballots). */
  readonly bursts: ReadonlyArray<{ readonly deviceId: string; readonly votesInOneMinute: number }>;
  /** Anonymous phone votes refused in the last hour: too many a minute from one address (services/phoneVoteLimit.ts). */
  readonly refusedPhoneVotes: number;
  /** Counted votes by the channel they came through. */
  readonly byChannel: ChannelCounts;
}

/** Votes per initiative with duplicates excluded, most votes first: two indexed aggregate queries. */
export async function ballotTally(db: Kysely<CentralDatabase>, ballot: Ballot): Promise<BallotTally> {
  const [choices, totals] = await Promise.all([
    db
      .selectFrom('vote_choices')
      .select(['initiative_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('ballot_id', '=', ballot.id)
      .where('counted', '=', 1)
      .groupBy('initiative_id')
      .execute(),
    db
      .selectFrom('votes')
      .select(['counted', (eb) => eb.fn.countAll<number>().as('n')])
      .where('ballot_id', '=', ballot.id)
      .groupBy('counted')
      .execute(),
  ]);
  const byId = new Map(choices.map((row) => [row.initiative_id, Number(row.n)]));
  const total = (counted: number) => Number(totals.find((row) => row.counted === counted)?.n ?? 0);
  return {
    ballotId: ballot.id,
    votes: total(1),
    duplicates: total(0),
    initiatives: ballot.initiatives
      .map((initiative) => ({ id: initiative.id, votes: byId.get(initiative.id) ?? 0 }))
      .sort((a, b) => b.votes - a.votes),
    bursts: ballot.policy === 'session' ? await bursts(db, ballot.id) : [],
    refusedPhoneVotes: ballot.policy === 'session' ? await refusedPhoneVotes(db, ballot.id) : 0,
    byChannel: await countedByChannel(db, ballot.id, total(1)),
  };
}

/**
 * Counted votes per channel: those of the few channel devices counted through the (ballot, device) index,
 * the rest are kiosks' — so a ballot of a million kiosk votes costs no second pass over them.
 */
async function countedByChannel(db: Kysely<CentralDatabase>, ballotId: string, counted: number): Promise<ChannelCounts> {
  const devices = await channelDevices(db);
  const counts: Record<Channel, number> = { kiosk: counted, phone: 0, web: 0 };
  if (devices.size === 0) return counts;
  const rows = await db
    .selectFrom('votes')
    .select(['device_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ballot_id', '=', ballotId)
    .where('device_id', 'in', [...devices.keys()])
    .where('counted', '=', 1)
    .groupBy('device_id')
    .execute();
  for (const row of rows) {
    const channel = devices.get(row.device_id) ?? 'kiosk';
    counts[channel] += Number(row.n);
    counts.kiosk -= Number(row.n);
  }
  return counts;
}

async function bursts(db: Kysely<CentralDatabase>, ballotId: string) {
  const rows = await db
    .selectFrom('votes')
    .select(['device_id', 'claimed_at'])
    .where('ballot_id', '=', ballotId)
    .orderBy('device_id')
    .orderBy('claimed_at')
    .execute();
  const worst = new Map<string, number>();
  let start = 0;
  rows.forEach((row, index) => {
    if (index === 0 || rows[index - 1]?.device_id !== row.device_id) start = index;
    while (Date.parse(row.claimed_at) - Date.parse(rows[start]?.claimed_at ?? row.claimed_at) > 60_000) start += 1;
    worst.set(row.device_id, Math.max(worst.get(row.device_id) ?? 0, index - start + 1));
  });
  return [...worst].filter(([, count]) => count > BURST_PER_MINUTE).map(([deviceId, votesInOneMinute]) => ({ deviceId, votesInOneMinute }));
}
