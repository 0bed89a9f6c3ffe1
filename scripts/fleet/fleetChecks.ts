import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { leafHash, levelsOf, treeHash } from '../../sync/record/merkle.js';
import { verifyRecord } from '../../sync/record/verifyRecord.js';
import type { SavedVisit } from './simKiosk.js';

/** What the fleet's day left at Central, checked against what the kiosks told their visitors. */
export interface FleetAudit {
  /** Saved at a kiosk, never stored at Central. */
  readonly lost: number;
  /** Stored, or logged as accepted, more than once; or a voter counted more than once. */
  readonly duplicated: number;
  /** Voters with a vote stored, none of them counted. */
  readonly votersUncounted: number;
  /** Every checkpoint Central signed is a prefix of the one log, and the log verifies from outside. */
  readonly checkpointsConsistent: boolean;
  readonly checkpoints: number;
  /** Kiosks that cosigned at least one checkpoint. */
  readonly witnesses: number;
  readonly entries: number;
  /** The record's entries by kind: what a day adds to it. */
  readonly entryKinds: Readonly<Record<string, number>>;
  /** Kiosk commit to Central's receipt, ms, for each stored kiosk submission. */
  readonly lags: ReadonlyArray<{ readonly kioskId: string; readonly claimedAt: number; readonly receivedAt: number }>;
  readonly problems: readonly string[];
}

async function countOnce(db: Kysely<CentralDatabase>, saved: readonly SavedVisit[]) {
  const rows = await db.selectFrom('submissions').select(['id', 'claimed_created_at', 'received_at']).execute();
  const byId = new Map<string, { claimed: string; received: string; copies: number }>();
  for (const row of rows) {
    const known = byId.get(row.id);
    byId.set(row.id, { claimed: row.claimed_created_at, received: row.received_at, copies: (known?.copies ?? 0) + 1 });
  }
  const lost = saved.filter((visit) => !byId.has(visit.id));
  const copied = [...byId.values()].filter((row) => row.copies > 1).length;
  const lags = saved.flatMap((visit) => {
    const row = byId.get(visit.id);
    return row ? [{ kioskId: visit.kioskId, claimedAt: Date.parse(row.claimed), receivedAt: Date.parse(row.received) }] : [];
  });
  return { lost, copied, lags };
}

async function countVoters(db: Kysely<CentralDatabase>) {
  const votes = await db.selectFrom('votes').select(['voter_key', 'counted']).where('voter_key', 'is not', null).execute();
  const counted = new Map<string, number>();
  for (const vote of votes) counted.set(vote.voter_key ?? '', (counted.get(vote.voter_key ?? '') ?? 0) + vote.counted);
  const tallies = [...counted.values()];
  return {
    twice: tallies.filter((n) => n > 1).length,
    none: tallies.filter((n) => n === 0).length,
  };
}

/** Every stored checkpoint's root against the tree of the stored entries, and the record as an outside reader verifies it. */
async function checkRecord(db: Kysely<CentralDatabase>, centralUrl: string) {
  const problems: string[] = [];
  const entries = await db.selectFrom('record_entries').select(['idx', 'entry']).orderBy('idx').execute();
  const read = levelsOf(entries.map((row) => leafHash(row.entry)));
  const signed = await db.selectFrom('record_checkpoints').select(['size', 'root']).execute();
  for (const checkpoint of signed)
    if (!treeHash(checkpoint.size, read).equals(checkpoint.root))
      problems.push(`checkpoint ${String(checkpoint.size)} is not a prefix of the log`);
  const accepted = new Map<string, number>();
  const kinds: Record<string, number> = {};
  for (const row of entries) {
    const event = JSON.parse(row.entry.toString('utf8')) as { kind: string; subject: string };
    kinds[event.kind] = (kinds[event.kind] ?? 0) + 1;
    if (event.kind === 'submission.accepted') accepted.set(event.subject, (accepted.get(event.subject) ?? 0) + 1);
  }
  const fetcher = async (path: string) => Buffer.from(await (await fetch(`${centralUrl}/record/${path}`)).arrayBuffer());
  const key = (await (await fetch(`${centralUrl}/record/key`)).text()).trim();
  await verifyRecord(fetcher, key).catch((error: unknown) => problems.push(`the outside verifier: ${String(error)}`));
  const witnesses = await db.selectFrom('record_latest_cosignatures').select('device_id').execute();
  return {
    entries: entries.length,
    kinds,
    checkpoints: signed.length,
    witnesses: witnesses.length,
    loggedTwice: [...accepted.values()].filter((n) => n > 1).length,
    problems,
  };
}

/** The day's audit, read from Central's PostgreSQL and its public record once every kiosk has drained. */
export async function auditFleet(db: Kysely<CentralDatabase>, centralUrl: string, saved: readonly SavedVisit[]): Promise<FleetAudit> {
  const { lost, copied, lags } = await countOnce(db, saved);
  const voters = await countVoters(db);
  const record = await checkRecord(db, centralUrl);
  return {
    lost: lost.length,
    duplicated: copied + record.loggedTwice + voters.twice,
    votersUncounted: voters.none,
    checkpointsConsistent: record.problems.length === 0,
    checkpoints: record.checkpoints,
    witnesses: record.witnesses,
    entries: record.entries,
    entryKinds: record.kinds,
    lags,
    problems: [...record.problems, ...lost.slice(0, 5).map((visit) => `lost: ${visit.kind} ${visit.id} of ${visit.kioskId}`)],
  };
}
