import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { postgresBinDir, startPostgresCluster } from '../../tests/support/postgresCluster.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import type { TableSize } from './databaseGrowth.js';
import { addCopies, planCopies } from './growDays.js';
import { keptDayFiles } from './keepDay.js';

// `npm run capacity:years [-- --day var/fleet/day --years 5 --days-a-year 250]`: grows the fleet
// simulation's national day (`npm run fleet-sim -- --keep-day var/fleet/day`) into years of it on a
// throwaway PostgreSQL (fsync on), then times the README's backup (pg_dump -Fc) and restore
// (pg_restore into an empty database) on it (docs/capacity.md, "Backup and restore").
const { values } = parseArgs({
  options: {
    day: { type: 'string', default: 'var/fleet/day' },
    years: { type: 'string', default: '5' },
    'days-a-year': { type: 'string', default: '250' },
  },
});
const years = Number(values.years);
const daysAYear = Number(values['days-a-year']);
if (!(years > 0) || !Number.isInteger(daysAYear) || daysAYear < 1) {
  console.error(
    `capacity:years: --years must be above 0 and --days-a-year a whole number (got ${String(values.years)}, ${String(values['days-a-year'])})`,
  );
  process.exit(2);
}
const days = Math.round(years * daysAYear);
/**
 * Not a day's lasting growth: rows kept for minutes or hours (replay nonces,
 * rate-limit windows, phone sessions), and rows that grow with the fleet or
 * the content rather than with days (devices: the phone channels' own;
 * spoken_texts: the Listen button's texts).
 */
const NOT_DAILY = ['request_nonces', 'rate_limit_buckets', 'web_sessions', 'devices', 'spoken_texts'];
/** Copies added per statement: big enough to be quick, small enough to show progress. */
const CHUNK = 50;

const run = promisify(execFile);
const bin = postgresBinDir();
if (!bin) throw new Error('capacity:years: PostgreSQL is not installed');
const files = keptDayFiles(values.day);
const dayRows = new Map(
  (JSON.parse(readFileSync(files.tables, 'utf8')) as TableSize[])
    .filter((table) => table.rows > 0 && !NOT_DAILY.includes(table.table))
    .map((table) => [table.table, table.rows]),
);
const grown = [...dayRows.keys()];

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
};
const rowsOf = async (db: Kysely<unknown>, table: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);
const databaseBytes = async (db: Kysely<unknown>) =>
  Number((await sql<{ bytes: string }>`SELECT pg_database_size(current_database()) AS bytes`.execute(db)).rows[0]?.bytes ?? 0);

const dir = makeTempDir('capacity-years');
const cluster = await startPostgresCluster({ fsync: true });
const open = (url: string) =>
  new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
try {
  const url = await cluster.createDatabase('years');
  await run(join(bin, 'pg_restore'), ['--no-owner', '-d', url, files.dump]);
  const db = open(url);
  const { plans, notCopied } = await planCopies(db, grown);
  console.log(`capacity: ${String(days)} days (${String(years)} years of ${String(daysAYear)}) of the day in ${files.dump}`);
  console.log(
    `capacity: copied: ${plans.map((plan) => plan.table).join(', ')}; one row per kiosk, not copied: ${notCopied.join(', ') || 'none'}`,
  );
  const growing = await timed(async () => {
    for (const plan of plans) {
      const seed = `psh_seed_${plan.table}`;
      await sql`CREATE TABLE ${sql.table(seed)} AS SELECT * FROM ${sql.table(plan.table)}`.execute(db);
      // The dump also holds what came before the day (enrolments, the plain-ingest baseline): the table is
      // copied until it holds `days` times the day's rows, not `days` times everything.
      const copies = Math.max(1, Math.round((days * (dayRows.get(plan.table) ?? 0)) / (await rowsOf(db, plan.table))));
      for (let from = 1; from < copies; from += CHUNK) await addCopies(db, plan, seed, from, Math.min(copies - 1, from + CHUNK - 1));
      await sql`DROP TABLE ${sql.table(seed)}`.execute(db);
      console.log(`capacity: ${plan.table} holds ${String(days)} days`);
    }
    await sql`VACUUM ANALYZE`.execute(db);
  });
  const bytes = await databaseBytes(db);
  const entries = await rowsOf(db, 'record_entries');
  await db.destroy();
  const dump = join(dir.path, 'psh-central.dump');
  const backupS = await timed(() => run(join(bin, 'pg_dump'), ['-Fc', '-f', dump, '-d', url]));
  const restored = await cluster.createDatabase('restored');
  const restoreS = await timed(() => run(join(bin, 'pg_restore'), ['--no-owner', '-d', restored, dump]));
  const check = open(restored);
  const restoredEntries = await rowsOf(check, 'record_entries');
  await check.destroy();
  if (restoredEntries !== entries)
    throw new Error(`capacity: the restored database holds ${String(restoredEntries)} record entries, not ${String(entries)}`);
  const figures = [
    { name: 'capacity.years', value: years, unit: 'years' },
    { name: 'capacity.record_entries', value: entries, unit: 'entries' },
    { name: 'capacity.database_gb', value: Number((bytes / 1e9).toFixed(2)), unit: 'GB' },
    { name: 'capacity.dump_gb', value: Number((statSync(dump).size / 1e9).toFixed(2)), unit: 'GB' },
    { name: 'capacity.backup_s', value: Math.round(backupS), unit: 's' },
    { name: 'capacity.restore_s', value: Math.round(restoreS), unit: 's' },
    { name: 'capacity.generate_s', value: Math.round(growing), unit: 's' },
  ];
  for (const figure of figures) console.log(`${figure.name}: ${String(figure.value)} ${figure.unit}`);
  mkdirSync('var/fleet', { recursive: true });
  writeFileSync('var/fleet/years.json', `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  cluster.stop();
  dir.remove();
}
