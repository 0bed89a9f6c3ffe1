import { readFileSync } from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/core/db/openDatabase.js';
import { createEnqueue } from '../../src-main/core/outbox/enqueue.js';
import { startIdleCheckpoints } from '../../src-main/core/db/idleCheckpoints.js';
import { DB_FILE } from '../../src-main/core/db/quarantine.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { median, percentile, type BenchResult, ratioFigure } from './stats.js';

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

/**
 * The real outbox write: submission + outbox row, seq, UUIDv7, canonical hash, one IMMEDIATE transaction,
 * on a database set up as the kiosk's (idle checkpoints: this loop never leaves the event loop idle, so the
 * WAL is folded back only at the size bound, inside a commit, as on a kiosk that is never idle).
 */
function enqueueSamples(dir: string): { samples: number[]; spans: Array<[number, number]>; walCheckpoints: number[] } {
  const db = openDatabase(join(dir, 'kiosk'));
  const checkpoints = startIdleCheckpoints(db);
  const enqueue = createEnqueue(db);
  const samples: number[] = [];
  const spans: Array<[number, number]> = [];
  const walCheckpoints: number[] = [];
  const shm = join(dir, 'kiosk', `${DB_FILE}-shm`);
  let copied = backfilledFrames(shm);
  for (let i = 0; i < PER_ROUND; i += 1) {
    const start = process.hrtime.bigint();
    enqueue({
      payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-7', score: (i % 5) + 1, language: 'ka' },
      sessionId: null,
      contentVersion: 1,
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    spans.push([performance.now() - (samples.at(-1) ?? 0), performance.now()]);
    // Read after the clock stopped: a commit that checkpointed moved the WAL index's backfill mark.
    const now = backfilledFrames(shm);
    if (now !== copied) walCheckpoints.push(i);
    copied = now;
  }
  checkpoints.stop();
  db.close();
  return { samples, spans, walCheckpoints };
}

/** Frames a checkpoint has copied back, from the WAL index itself (nBackfill at offset 96: sqlite.org/walformat.html). */
const backfilledFrames = (shm: string): number => readFileSync(shm).readUInt32LE(96);

/** Where a round's slowest samples (those at or above its p99) come from: a commit that checkpointed, a GC pause, or neither (the disk). */
function slowSampleCauses(round: ReturnType<typeof enqueueSamples>, gcPauses: readonly PerformanceEntry[]): string {
  const p99 = percentile(round.samples, 99);
  const causes = { checkpoint: 0, gc: 0, disk: 0 };
  round.samples.forEach((sample, at) => {
    if (sample < p99) return;
    const [from, to] = round.spans[at] ?? [0, 0];
    if (round.walCheckpoints.includes(at)) causes.checkpoint += 1;
    else if (gcPauses.some((gc) => gc.startTime < to && gc.startTime + gc.duration > from)) causes.gc += 1;
    else causes.disk += 1;
  });
  return `checkpoint ${String(causes.checkpoint)}, gc ${String(causes.gc)}, disk ${String(causes.disk)}`;
}

/** Rounds alternate raw and outbox so both see the same disk and the same neighbours. */
export async function benchOutbox(): Promise<BenchResult[]> {
  // A kiosk runs for weeks: its first enqueues (compiled by V8 on the way) are not its p99. One unmeasured
  // round of each first; without it the figure doubled whenever nothing earlier in the run had used enqueue.
  const warmUp = makeTempDir('bench-outbox-warm-up');
  try {
    rawInsertSamples(warmUp.path);
    enqueueSamples(warmUp.path);
  } finally {
    warmUp.remove();
  }
  const gc = new PerformanceObserver(() => undefined);
  gc.observe({ entryTypes: ['gc'] });
  const rawP99: number[] = [];
  const enqueueP99: number[] = [];
  const causes: string[] = [];
  for (let round_ = 0; round_ < ROUNDS; round_ += 1) {
    const dir = makeTempDir('bench-outbox');
    try {
      rawP99.push(percentile(rawInsertSamples(dir.path), 99));
      const enqueued = enqueueSamples(dir.path);
      enqueueP99.push(percentile(enqueued.samples, 99));
      // GC entries are queued while the loop holds the thread: one turn of the event loop delivers them.
      await new Promise((resolve) => setImmediate(resolve));
      causes.push(slowSampleCauses(enqueued, gc.takeRecords()));
    } finally {
      dir.remove();
    }
  }
  gc.disconnect();
  const value = median(enqueueP99);
  const baseline = median(rawP99);
  console.log(
    `outbox: enqueue p99 per round ${enqueueP99.map((v) => v.toFixed(3)).join(', ')} ms; raw insert p99 ${rawP99.map((v) => v.toFixed(3)).join(', ')} ms`,
  );
  console.log(
    `outbox: samples at or above each round's p99 came from: ${causes.map((cause, at) => `round ${String(at + 1)}: ${cause}`).join('; ')}`,
  );
  return [ratioFigure('outbox.enqueue_p99_ms', 'ms', { value, baseline }, { max: 2 }, 3)];
}
