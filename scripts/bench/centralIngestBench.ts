import { generateKeyPairSync } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createRequestSigner } from '../../src-main/core/sync-client/requestSigner.js';
import type { PushResponse } from '../../sync/protocol/push.js';
import { ratingEnvelope } from '../../tests/support/envelope.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCentralProcess } from './centralProcess.js';
import { median, type BenchResult, ratioFigure } from './stats.js';

const KIOSKS = 50;
const BATCHES_PER_KIOSK = 10;
const BATCH = 100;
/** Rounds of the whole load (and of the baseline), to quote medians on a noisy shared machine. */
const ROUNDS = 3;

/** The same machine's floor: the same rows inserted in 100-row transactions straight into SQLite (WAL, FULL). */
function rawBatchedInsertsPerSecond(dir: string, total: number, round: number): number {
  const db = new BetterSqlite3(join(dir, `raw-${String(round)}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE submissions (device_id TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER, payload_json TEXT, payload_sha256 TEXT, received_at TEXT, PRIMARY KEY (device_id, id))',
  );
  const insert = db.prepare('INSERT OR IGNORE INTO submissions VALUES (?, ?, ?, ?, ?, ?)');
  const envelopes = Array.from({ length: total }, (_, i) => ratingEnvelope(i + 1));
  const batch = db.transaction((items: typeof envelopes, device: string) => {
    for (const e of items) insert.run(device, e.id, e.seq, JSON.stringify(e.payload), e.payloadSha256, new Date().toISOString());
  });
  const started = performance.now();
  for (let i = 0; i < total; i += BATCH) batch(envelopes.slice(i, i + BATCH), `device-${(i / BATCH) % KIOSKS}`);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return total / seconds;
}

/** Rows in Central's submissions table, read from its file the way an auditor would. */
function storedRows(centralData: string): number {
  const db = new BetterSqlite3(join(centralData, 'central.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], number>('SELECT count(*) FROM submissions').pluck().get() ?? 0;
  } finally {
    db.close();
  }
}

/**
 * One signed push over a kept-alive connection. The simulated kiosks share this
 * machine's two cores with Central (real kiosks bring their own CPUs), so they
 * use node:http directly: fetch spent about twice the CPU per request, and that
 * CPU was taken from Central under test.
 */
function push(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<PushResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/api/kiosk/submissions',
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as PushResponse)
            : reject(new Error(`push failed: ${String(response.statusCode)} ${Buffer.concat(chunks).toString()}`)),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Where the ingest benchmark's Central keeps its data, and the same machine's floor for it. */
export interface IngestEngine {
  readonly name: string;
  /** Central's --db, or none for its embedded SQLite. */
  readonly database?: string;
  /** Submissions Central holds, read the way an auditor would. */
  storedRows(centralData: string): Promise<number>;
  /** The same rows inserted in 100-row transactions straight into the same database engine, per second. */
  rawInsertsPerSecond(dir: string, total: number, round: number): Promise<number>;
}

const SQLITE: IngestEngine = {
  name: 'central.ingest_per_s',
  storedRows: (centralData) => Promise.resolve(storedRows(centralData)),
  rawInsertsPerSecond: (dir, total, round) => Promise.resolve(rawBatchedInsertsPerSecond(dir, total, round)),
};

/** central.ingest_per_s: 50 kiosks push signed 100-item batches at once to a Central process; sustained rate. */
export const benchCentralIngest = (): Promise<BenchResult[]> => benchIngestOn(SQLITE);

export async function benchIngestOn(engine: IngestEngine): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-ingest');
  const token = 'bench-ingest-token-0000000000000';
  const central = await startCentralProcess(join(dir.path, 'central'), token, engine.database ? { args: ['--db', engine.database] } : {});
  try {
    const { createEnrolmentToken } = await import('../../sync/central/services/enrolment.js');
    const { openCentralDb } = await import('../../sync/central/db/openCentralDb.js');
    // Tokens are issued through Central's own database, as the enrol-token CLI does.
    const admin = await openCentralDb(join(dir.path, 'central'), engine.database);
    const kiosks = [];
    for (let k = 0; k < KIOSKS; k += 1) {
      const { token: kioskToken } = await createEnrolmentToken(admin, 'bench', 1);
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const key = { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
      const response = await fetch(`${central.url}/api/kiosk/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: kioskToken, kioskId: `bench-${k}`, publicKey: key.publicKeyPem }),
      });
      const { deviceId } = (await response.json()) as { deviceId: string };
      const bodies = Array.from({ length: BATCHES_PER_KIOSK * ROUNDS }, (_, b) =>
        JSON.stringify({ items: Array.from({ length: BATCH }, (_, i) => ratingEnvelope(b * BATCH + i + 1, { score: (i % 5) + 1 })) }),
      );
      kiosks.push({ sign: createRequestSigner(deviceId, key), bodies });
    }
    await admin.destroy();

    const total = KIOSKS * BATCHES_PER_KIOSK * BATCH;
    const rates: number[] = [];
    const baselines: number[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: KIOSKS });
    const url = new URL(central.url);
    const clientCpu: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const statuses = new Map<string, number>();
      await Promise.all(
        kiosks.map(async (kiosk) => {
          for (const body of kiosk.bodies.slice(round * BATCHES_PER_KIOSK, (round + 1) * BATCHES_PER_KIOSK)) {
            const { receipts } = await push(agent, url, kiosk.sign('POST', '/api/kiosk/submissions', body), body);
            for (const receipt of receipts) statuses.set(receipt.status, (statuses.get(receipt.status) ?? 0) + 1);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      // A round counts only if Central accepted every item, by its receipts, and holds every row.
      if (statuses.get('accepted') !== total || statuses.size !== 1)
        throw new Error(
          `ingest round ${String(round)} invalid: receipts ${JSON.stringify(Object.fromEntries(statuses))} for ${String(total)} items`,
        );
      const stored = await engine.storedRows(join(dir.path, 'central'));
      if (stored !== total * (round + 1))
        throw new Error(
          `ingest round ${String(round)} invalid: Central holds ${String(stored)} rows, expected ${String(total * (round + 1))}`,
        );
      rates.push(total / seconds);
      const cpu = process.cpuUsage(cpuBefore);
      clientCpu.push((cpu.user + cpu.system) / 1000);
      // The baseline right after each round, in the same conditions.
      baselines.push(await engine.rawInsertsPerSecond(dir.path, total, round));
    }
    agent.destroy();
    const rate = median(rates);
    const baseline = median(baselines);
    console.log(
      `${engine.name}: ${String(total)} submissions from ${String(KIOSKS)} kiosks per round: ${rates.map((r) => r.toFixed(0)).join(', ')}/s; raw batched inserts ${baselines.map((b) => b.toFixed(0)).join(', ')}/s; the simulated kiosks' own CPU ${clientCpu.map((ms) => ms.toFixed(0)).join(', ')} ms per round`,
    );
    return [ratioFigure(engine.name, 'submissions/s', { value: rate, baseline }, { min: 0.3 })];
  } finally {
    await central.stop();
    dir.remove();
  }
}
