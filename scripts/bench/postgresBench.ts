import pg from 'pg';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import { ratingEnvelope } from '../../tests/support/envelope.js';
import { startPostgresCluster, type PostgresCluster } from '../../tests/support/postgresCluster.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { benchIngestOn } from './centralIngestBench.js';
import { median, round, type BenchResult } from './stats.js';
import { DUPLICATE_SHARE, timeTallies, VOTES } from './tallyBench.js';

const BATCH = 100;
const KIOSKS = 50;

const count = async (url: string, table: string): Promise<number> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
};

/** The floor on this PostgreSQL: the same rows in 100-row multi-row INSERT transactions, one after another, on one connection. */
async function rawMultiRowInsertsPerSecond(url: string, total: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS raw_submissions');
    await client.query(
      'CREATE TABLE raw_submissions (device_id text NOT NULL, id text NOT NULL, seq bigint, payload_json text, payload_sha256 text, received_at text, PRIMARY KEY (device_id, id))',
    );
    const envelopes = Array.from({ length: total }, (_, i) => ratingEnvelope(i + 1));
    const started = performance.now();
    for (let i = 0; i < total; i += BATCH) {
      const batch = envelopes.slice(i, i + BATCH);
      const values = batch.flatMap((e) => [
        `device-${String((i / BATCH) % KIOSKS)}`,
        e.id,
        e.seq,
        JSON.stringify(e.payload),
        e.payloadSha256,
        new Date().toISOString(),
      ]);
      const rows = batch.map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${String(r * 6 + c)}`).join(', ')})`).join(', ');
      await client.query('BEGIN');
      await client.query(`INSERT INTO raw_submissions VALUES ${rows} ON CONFLICT DO NOTHING`, values);
      await client.query('COMMIT');
    }
    return total / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

/**
 * central.ingest_per_s_pg: central.ingest_per_s's load (50 kiosks, signed
 * 100-item batches) against a Central process on PostgreSQL, with its ratio to
 * raw multi-row inserts into the same PostgreSQL in the same run.
 */
async function benchIngestPg(cluster: PostgresCluster): Promise<BenchResult[]> {
  const database = await cluster.createDatabase('bench_ingest');
  return benchIngestOn({
    name: 'central.ingest_per_s_pg',
    database,
    storedRows: () => count(database, 'submissions'),
    rawInsertsPerSecond: async (_dir, total, run) =>
      rawMultiRowInsertsPerSecond(await cluster.createDatabase(`bench_raw_${String(run)}`), total),
  });
}

const ROWS_PER_INSERT = 50_000;

/** central.tally_ms_1m_pg: central.tally_ms_1m's ballot of 1,000,000 votes, tallied from PostgreSQL. */
async function benchTallyPg(cluster: PostgresCluster): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-tally-pg');
  const database = await cluster.createDatabase('bench_tally');
  const db = await openCentralDb(dir.path, database);
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    const initiatives = demoBallot.initiatives.map((initiative) => initiative.id);
    const at = new Date().toISOString();
    for (let from = 0; from < VOTES; from += ROWS_PER_INSERT) {
      const ids = Array.from({ length: Math.min(ROWS_PER_INSERT, VOTES - from) }, (_, n) => from + n);
      const counted = ids.map((i) => (i % Math.round(1 / DUPLICATE_SHARE) === 0 ? 0 : 1));
      const devices = ids.map((i) => `kiosk-${String(i % 200)}`);
      const submissions = ids.map((i) => `vote-${String(i)}`);
      await client.query(
        `INSERT INTO votes (device_id, submission_id, ballot_id, voter_key, claimed_at, received_at, counted)
         SELECT d, s, $1, v, $2, $2, c FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[]) AS t(d, s, v, c)`,
        [demoBallot.id, at, devices, submissions, ids.map((i, n) => `voter-${String(counted[n] ? i : i - 1)}`), counted],
      );
      await client.query(
        `INSERT INTO vote_choices (device_id, submission_id, ballot_id, initiative_id, counted)
         SELECT d, s, $1, i, c FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS t(d, s, i, c)`,
        [demoBallot.id, devices, submissions, ids.map((i) => initiatives[(i * 7) % initiatives.length]), counted],
      );
    }
    await client.query('VACUUM ANALYZE votes');
    await client.query('VACUUM ANALYZE vote_choices');
    const samples = await timeTallies(db, 'central.tally_ms_1m_pg');
    return [{ name: 'central.tally_ms_1m_pg', value: round(median(samples), 1), unit: 'ms', limit: 1000, direction: 'max' }];
  } finally {
    await client.end();
    await db.destroy();
    dir.remove();
  }
}

/**
 * Central's figures on PostgreSQL, on a throwaway cluster started for them
 * with fsync on (a receipt means a durable commit, as on SQLite).
 */
export async function benchPostgres(): Promise<BenchResult[]> {
  const cluster = await startPostgresCluster({ fsync: true });
  try {
    return [...(await benchIngestPg(cluster)), ...(await benchTallyPg(cluster))];
  } finally {
    cluster.stop();
  }
}
