import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/core/db/openDatabase.js';
import { createEnqueue } from '../../src-main/core/outbox/enqueue.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { median, percentile, round, type BenchResult } from './stats.js';

const PER_ROUND = 1500;
const ROUNDS = 5;

/** The same machine's floor: one row, one durable commit, WAL + synchronous=FULL, nothing else. */
function rawInsertSamples(dir: string): number[] {
  const db = new BetterSqlite3(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const body = JSON.stringify({ type: 'rating', serviceId: 'civil-registry', deskId: 'desk-7', score: 4, language: 'ka' });
  const samples: number[] = [];
  for (let i = 0; i < PER_ROUND; i += 1) {
    const start = process.hrtime.bigint();
    insert.run(body);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  db.close();
  return samples;
}

/** The real outbox write: submission + outbox row, seq, UUIDv7, canonical hash, one IMMEDIATE transaction. */
function enqueueSamples(dir: string): number[] {
  const db = openDatabase(join(dir, 'kiosk'));
  const enqueue = createEnqueue(db);
  const samples: number[] = [];
  for (let i = 0; i < PER_ROUND; i += 1) {
    const start = process.hrtime.bigint();
    enqueue({
      payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-7', score: (i % 5) + 1, language: 'ka' },
      sessionId: null,
      contentVersion: 1,
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  db.close();
  return samples;
}

/** Rounds alternate raw and outbox so both see the same disk and the same neighbours. */
export function benchOutbox(): BenchResult[] {
  // A kiosk runs for weeks: its first enqueues (compiled by V8 on the way) are not its p99. One unmeasured
  // round of each first; without it the figure doubled whenever nothing earlier in the run had used enqueue.
  const warmUp = makeTempDir('bench-outbox-warm-up');
  try {
    rawInsertSamples(warmUp.path);
    enqueueSamples(warmUp.path);
  } finally {
    warmUp.remove();
  }
  const rawP99: number[] = [];
  const enqueueP99: number[] = [];
  for (let round_ = 0; round_ < ROUNDS; round_ += 1) {
    const dir = makeTempDir('bench-outbox');
    try {
      rawP99.push(percentile(rawInsertSamples(dir.path), 99));
      enqueueP99.push(percentile(enqueueSamples(dir.path), 99));
    } finally {
      dir.remove();
    }
  }
  const value = median(enqueueP99);
  const baseline = median(rawP99);
  console.log(
    `outbox: enqueue p99 per round ${enqueueP99.map((v) => v.toFixed(3)).join(', ')} ms; raw insert p99 ${rawP99.map((v) => v.toFixed(3)).join(', ')} ms`,
  );
  return [
    {
      name: 'outbox.enqueue_p99_ms',
      value: round(value),
      unit: 'ms',
      baseline: round(baseline),
      ratio: round(value / baseline),
      limit: 2.5,
      direction: 'max',
      limitOn: 'ratio',
    },
  ];
}
