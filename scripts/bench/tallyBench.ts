import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { openCentralDb, sqliteHandleOf } from '../../sync/central/db/openCentralDb.js';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { ballotTally } from '../../sync/central/services/ballotTally.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { median, round, type BenchResult } from './stats.js';

export const VOTES = 1_000_000;
export const DUPLICATE_SHARE = 0.05;
const RUNS = 5;

/** A warm-up tally, then RUNS timed ones of the 1,000,000-vote ballot, checked against what was inserted; their times in ms. */
export async function timeTallies(db: Kysely<CentralDatabase>, name: string): Promise<number[]> {
  await ballotTally(db, demoBallot);
  const samples: number[] = [];
  let tally;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    tally = await ballotTally(db, demoBallot);
    samples.push(performance.now() - started);
  }
  if (tally?.votes !== VOTES * (1 - DUPLICATE_SHARE) || tally.duplicates !== VOTES * DUPLICATE_SHARE)
    throw new Error(`tally is wrong: ${JSON.stringify(tally)}`);
  console.log(
    `${name}: ${samples.map((s) => s.toFixed(0)).join(', ')} ms (${String(tally.votes)} counted, ${String(tally.duplicates)} duplicates)`,
  );
  return samples;
}

/**
 * central.tally_ms_1m: tallying a ballot of 1,000,000 votes (5% of them later
 * votes by the same person, kept as duplicates) from SQLite, as Central
 * stores them (counted flag decided at ingest). Median of 5 after a warm-up.
 */
export async function benchTally(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-tally');
  const db = await openCentralDb(dir.path);
  try {
    const sqlite = sqliteHandleOf(db);
    const vote = sqlite.prepare(
      'INSERT INTO votes (device_id, submission_id, ballot_id, voter_key, claimed_at, received_at, counted) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const choice = sqlite.prepare(
      'INSERT INTO vote_choices (device_id, submission_id, ballot_id, initiative_id, counted) VALUES (?, ?, ?, ?, ?)',
    );
    const initiatives = demoBallot.initiatives.map((initiative) => initiative.id);
    const at = new Date().toISOString();
    sqlite.transaction(() => {
      for (let i = 0; i < VOTES; i += 1) {
        const counted = i % Math.round(1 / DUPLICATE_SHARE) === 0 ? 0 : 1;
        const device = `kiosk-${i % 200}`;
        const id = `vote-${i}`;
        vote.run(device, id, demoBallot.id, `voter-${counted ? i : i - 1}`, at, at, counted);
        choice.run(device, id, demoBallot.id, initiatives[(i * 7) % initiatives.length], counted);
      }
    })();
    sqlite.pragma('optimize');
    const samples = await timeTallies(db, 'central.tally_ms_1m');
    return [{ name: 'central.tally_ms_1m', value: round(median(samples), 1), unit: 'ms', limit: 1000, direction: 'max' }];
  } finally {
    await db.destroy();
    dir.remove();
  }
}
