import { randomInt } from 'node:crypto';
import { formatCheckpoint } from '../../sync/record/checkpoint.js';
import { consistencyProof, inclusionProof, leafHash, levelsOf, treeHash, type Hash } from '../../sync/record/merkle.js';
import { signNote } from '../../sync/record/note.js';
import { encodeEntryBundle, hashesAtTileLevel, TILE_HEIGHT, TILE_WIDTH, tilePath } from '../../sync/record/tiles.js';
import { verifyRecord } from '../../sync/record/verifyRecord.js';
import { openCentralDb, sqliteHandleOf } from '../../sync/central/db/openCentralDb.js';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { prepareIngest, type IngestStatements } from '../../sync/central/services/ingest.js';
import { entryBytes } from '../../sync/central/services/record/recordLog.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import { loadVoterKey } from '../../sync/central/services/voterKey.js';
import { ratingEnvelope } from '../../tests/support/envelope.js';
import { createRecordIntegrator, recordReader } from '../../sync/central/services/record/recordTree.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { generateKeyPairSync } from 'node:crypto';
import { median, percentile, round, type BenchResult, ratioFigure } from './stats.js';
import { verifierKey } from '../../sync/record/note.js';

const ENTRIES = 1_000_000;
const PROOFS = 2000;
const BATCHES = 150;
const BATCH = 100;

/**
 * Submissions through ingest's own batch transaction (its statements, checks and
 * commit, no HTTP), with the record's entry per submission and with an appender
 * that writes nothing: the same inserts without the log. Alternated in blocks
 * on one database so both see the same machine and the same table sizes.
 */
async function ingestWithAndWithoutRecord(
  dataDir: string,
  db: Kysely<CentralDatabase>,
): Promise<{ withRecord: number[]; without: number[] }> {
  const sqlite = sqliteHandleOf(db);
  await db
    .insertInto('devices')
    .values({ id: 'bench-dev', kiosk_id: 'bench', branch_id: 'bench-branch', public_key: 'unused', enrolled_at: new Date().toISOString() })
    .execute();
  const keys = { sealingKey: loadSealingKey(dataDir), voterKeyOf: loadVoterKey(dataDir) };
  const real = prepareIngest(sqlite, keys, { withRecord: true });
  const none = prepareIngest(sqlite, keys, { withRecord: false });
  const withRecord: number[] = [];
  const without: number[] = [];
  let seq = 0;
  const block = (statements: IngestStatements): number => {
    const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, () => ratingEnvelope((seq += 1))));
    const started = performance.now();
    for (const items of batches) {
      const receipts = statements.batch.immediate('bench-dev', items, undefined);
      if (receipts.some((receipt) => receipt.status !== 'accepted'))
        throw new Error(`record bench: ingest refused ${JSON.stringify(receipts[0])}`);
    }
    return (BATCHES * BATCH) / ((performance.now() - started) / 1000);
  };
  for (let round = 0; round < 5; round += 1) {
    withRecord.push(block(real));
    without.push(block(none));
  }
  return { withRecord, without };
}

/** A million entries written straight into Central's tables, as appends would have left them (setup, not measured). */
function fillMillion(sqlite: ReturnType<typeof sqliteHandleOf>): { entries: Buffer[]; leaves: Hash[] } {
  const entries = Array.from({ length: ENTRIES }, (_, at) =>
    entryBytes(
      { kind: 'feedback.status', subject: `CODE${String(at)}`, detail: { from: 'received', to: 'in-review', by: 'responder' } },
      new Date(1_780_000_000_000 + at * 1000).toISOString(),
    ),
  );
  const leaves = entries.map(leafHash);
  const read = levelsOf(leaves);
  const entry = sqlite.prepare('INSERT INTO record_entries (idx, entry) VALUES (?, ?)');
  const hash = sqlite.prepare('INSERT INTO record_hashes (level, idx, hash) VALUES (?, ?, ?)');
  sqlite.transaction(() => {
    entries.forEach((bytes, at) => entry.run(at, bytes));
    for (let level = 1, count = ENTRIES / 2; count > 0; level += 1, count = Math.floor(count / 2))
      for (let at = 0; at < count; at += 1) hash.run(level, at, read(level, at));
  })();
  return { entries, leaves };
}

/** record.proof_ms_1m and record.verify_1m_s on a freshly filled million-entry record. */
async function proofsAndVerification(
  sqlite: ReturnType<typeof sqliteHandleOf>,
): Promise<{ proofSamples: number[]; verifySamples: number[] }> {
  const fillStarted = performance.now();
  const { entries, leaves } = fillMillion(sqlite);
  console.log(`record: ${String(ENTRIES)} entries written in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s (setup)`);
  const reader = recordReader(sqlite);
  const root = reader.root(ENTRIES);
  const proofSamples: number[] = [];
  for (let i = 0; i < PROOFS; i += 1) {
    const started = performance.now();
    inclusionProof(randomInt(ENTRIES), ENTRIES, reader.read);
    consistencyProof(1 + randomInt(ENTRIES - 1), ENTRIES, reader.read);
    proofSamples.push(performance.now() - started);
  }

  // The tiles a client would fetch, built from the stored record as the routes build them.
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const origin = 'bench.example/record';
  const tiles = new Map<string, Buffer>([
    ['checkpoint', Buffer.from(signNote(formatCheckpoint({ origin, size: ENTRIES, root }), origin, privateKey))],
  ]);
  for (let level = 0; hashesAtTileLevel(ENTRIES, level) > 0; level += 1) {
    const count = hashesAtTileLevel(ENTRIES, level);
    for (let index = 0; index * TILE_WIDTH < count; index += 1) {
      const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
      const from = index * TILE_WIDTH;
      tiles.set(tilePath({ level, index, width }), Buffer.concat(reader.hashes(level * TILE_HEIGHT, from, from + width)));
      if (level === 0) tiles.set(tilePath({ level: 'entries', index, width }), encodeEntryBundle(entries.slice(from, from + width)));
    }
  }
  const verifySamples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    const verified = await verifyRecord((path) => Promise.resolve(tiles.get(path) ?? Buffer.alloc(0)), verifierKey(origin, publicKey));
    verifySamples.push((performance.now() - started) / 1000);
    if (verified.entries.length !== ENTRIES || !treeHash(ENTRIES, levelsOf(leaves)).equals(root))
      throw new Error('record: the verifier did not rebuild the record');
  }

  return { proofSamples, verifySamples };
}

/**
 * record.proof_ms_1m: an inclusion proof and a consistency proof of a
 * 1,000,000-entry record, made by Central from its stored hashes (p95 of 2,000).
 * record.verify_1m_s: the verifier recomputing that record's root from its
 * tiles (the 7,813 entry bundles and hash tiles, fetched beforehand: the
 * recomputation is what is timed, the fetch is logged). record.append_per_s:
 * submissions ingested with their record entries, against the same ingest with
 * an appender that writes nothing, in the same run. record.integrate_per_s: the
 * entries those appends left, integrated into the tree (hashes from level 1 up)
 * a chunk per transaction, as Central does before it signs a checkpoint.
 */
export async function benchRecord(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-record');
  const db = await openCentralDb(dir.path);
  try {
    const sqlite = sqliteHandleOf(db);
    const { proofSamples, verifySamples } = await proofsAndVerification(sqlite);
    // The million entries and their tiles are garbage now: collected before ingest is timed, so its
    // allocations do not pay for a heap that a running Central would not have.
    (globalThis as { gc?: () => void }).gc?.();
    const { withRecord, without } = await ingestWithAndWithoutRecord(dir.path, db);
    const backlog = recordReader(sqlite).size() - recordReader(sqlite).integratedSize();
    const integrate = createRecordIntegrator(sqlite);
    const integrateStarted = performance.now();
    while (integrate.immediate() > 0);
    const integrateRate = backlog / ((performance.now() - integrateStarted) / 1000);
    const appendRate = median(withRecord);
    const baseline = median(without);
    console.log(
      `record.proof_ms_1m p95 ${percentile(proofSamples, 95).toFixed(2)} ms; record.verify_1m_s ${verifySamples.map((s) => s.toFixed(1)).join(', ')} s; ` +
        `integrated ${String(backlog)} entries at ${integrateRate.toFixed(0)}/s; ingested/s with the record ${withRecord.map((r) => r.toFixed(0)).join(', ')}, without ${without.map((r) => r.toFixed(0)).join(', ')}`,
    );
    return [
      { name: 'record.proof_ms_1m', value: round(percentile(proofSamples, 95), 2), unit: 'ms', limit: 5, direction: 'max' },
      { name: 'record.verify_1m_s', value: round(median(verifySamples), 2), unit: 's', limit: 10, direction: 'max' },
      ratioFigure('record.append_per_s', 'submissions/s', { value: appendRate, baseline }, { min: 0.7 }),
      // Integration must outrun the ingest that feeds it (measured just before), or checkpoints would lag behind what was accepted.
      ratioFigure('record.integrate_per_s', 'entries/s', { value: integrateRate, baseline: appendRate }, { min: 2 }),
    ];
  } finally {
    await db.destroy();
    dir.remove();
  }
}
