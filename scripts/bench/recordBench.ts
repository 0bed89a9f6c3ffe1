import { randomInt } from 'node:crypto';
import { formatCheckpoint } from '../../sync/record/checkpoint.js';
import { consistencyProof, inclusionProof, leafHash, levelsOf, treeHash, type Hash } from '../../sync/record/merkle.js';
import { signNote } from '../../sync/record/note.js';
import { encodeEntryBundle, hashesAtTileLevel, TILE_HEIGHT, TILE_WIDTH, tilePath } from '../../sync/record/tiles.js';
import { verifyRecord } from '../../sync/record/verifyRecord.js';
import { openCentralDb, sqliteHandleOf } from '../../sync/server/db/openCentralDb.js';
import { appendLedger } from '../../sync/server/services/ledger.js';
import { entryBytes, recordReader } from '../../sync/server/services/record/recordLog.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { generateKeyPairSync } from 'node:crypto';
import { median, percentile, round, type BenchResult } from './stats.js';
import { verifierKey } from '../../sync/record/note.js';

const ENTRIES = 1_000_000;
const PROOFS = 2000;
const APPENDS = 1500;

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
    for (let level = 0, count = ENTRIES; count > 0; level += 1, count = Math.floor(count / 2))
      for (let at = 0; at < count; at += 1) hash.run(level, at, read(level, at));
  })();
  return { entries, leaves };
}

/**
 * record.proof_ms_1m: an inclusion proof and a consistency proof of a
 * 1,000,000-entry record, made by Central from its stored hashes (p95 of 2,000).
 * record.verify_1m_s: the verifier recomputing that record's root from its
 * tiles (the 7,813 entry bundles and hash tiles, fetched beforehand: the
 * recomputation is what is timed, the fetch is logged). record.append_per_s:
 * staff events appended to the ledger and the public record, one transaction
 * each, against the same ledger inserts without the record, in the same run.
 */
export async function benchRecord(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-record');
  const db = await openCentralDb(dir.path);
  try {
    const sqlite = sqliteHandleOf(db);
    const fillStarted = performance.now();
    const { entries, leaves } = fillMillion(sqlite);
    console.log(`record: ${String(ENTRIES)} entries written in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s (setup)`);
    const reader = recordReader(db);
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

    // Appends with and without the record, alternated in blocks so both see the same machine.
    const withRecord: number[] = [];
    const without: number[] = [];
    for (let block = 0; block < 3; block += 1) {
      let started = performance.now();
      for (let i = 0; i < APPENDS; i += 1)
        await appendLedger(db, 'feedback.status', `B${String(block)}-${String(i)}`, { from: 'received', to: 'in-review', by: 'nobody' });
      withRecord.push(APPENDS / ((performance.now() - started) / 1000));
      started = performance.now();
      for (let i = 0; i < APPENDS; i += 1)
        await db.transaction().execute((trx) =>
          trx
            .insertInto('ledger')
            .values({
              recorded_at: new Date().toISOString(),
              kind: 'feedback.status',
              subject: `N${String(block)}-${String(i)}`,
              detail_json: '{}',
            })
            .execute(),
        );
      without.push(APPENDS / ((performance.now() - started) / 1000));
    }
    const appendRate = median(withRecord);
    const baseline = median(without);
    console.log(
      `record.proof_ms_1m p95 ${percentile(proofSamples, 95).toFixed(2)} ms; record.verify_1m_s ${verifySamples.map((s) => s.toFixed(1)).join(', ')} s; ` +
        `appends/s with the record ${withRecord.map((r) => r.toFixed(0)).join(', ')}, without ${without.map((r) => r.toFixed(0)).join(', ')}`,
    );
    return [
      { name: 'record.proof_ms_1m', value: round(percentile(proofSamples, 95), 2), unit: 'ms', limit: 5, direction: 'max' },
      { name: 'record.verify_1m_s', value: round(median(verifySamples), 2), unit: 's', limit: 10, direction: 'max' },
      {
        name: 'record.append_per_s',
        value: round(appendRate, 0),
        unit: 'events/s',
        baseline: round(baseline, 0),
        ratio: round(appendRate / baseline, 2),
        limit: 0.7,
        direction: 'min',
        limitOn: 'ratio',
      },
    ];
  } finally {
    await db.destroy();
    dir.remove();
  }
}
