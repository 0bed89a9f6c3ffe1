import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../sync/protocol/canonicalJson.js';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  levelsOf,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../sync/record/merkle.js';
import { openCentralDb, sqliteHandleOf } from '../../sync/central/db/openCentralDb.js';
import { createRecordAppender, entryBytes, type RecordEvent } from '../../sync/central/services/record/recordLog.js';
import { createRecordIntegrator, INTEGRATE_CHUNK, recordReader } from '../../sync/central/services/record/recordTree.js';
import { makeTempDir } from '../support/tempDir.js';

// The record's two steps on a real SQLite file: appends only sequence entries (inside the
// transaction of what they record); integration derives the tree's hashes later, in chunks.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openRecord() {
  const dir = makeTempDir('record-integration');
  const db = await openCentralDb(dir.path);
  cleanups.push(async () => {
    await db.destroy();
    dir.remove();
  });
  const sqlite = sqliteHandleOf(db);
  const append = createRecordAppender(sqlite);
  // One event per append call, as a run's first entry, so every index is read back from the table.
  const appendMany = sqlite.transaction((from: number, count: number) => {
    for (let at = from; at < from + count; at += 1)
      append([{ kind: 'test.event', subject: `S${String(at)}`, detail: { n: at } }], new Date(1_780_000_000_000 + at).toISOString());
  });
  return { sqlite, reader: recordReader(sqlite), integrate: createRecordIntegrator(sqlite), append, appendMany };
}

describe('the record tree, integrated after the appends', () => {
  it('derives the same root, proofs and tiles as a tree built from all the leaves, whatever the chunk boundaries', async () => {
    const { reader, integrate, appendMany } = await openRecord();
    // Odd sizes between integrations, and a backlog larger than one chunk.
    const steps = [1, 2, 5, 3, 250, 7, INTEGRATE_CHUNK + 913];
    let size = 0;
    for (const step of steps) {
      appendMany(size, step);
      size += step;
      expect(reader.integratedSize()).toBeLessThanOrEqual(size);
      let waiting = integrate();
      if (step > INTEGRATE_CHUNK) expect(waiting).toBeGreaterThan(0); // one chunk per call
      while (waiting > 0) waiting = integrate();
      expect(reader.integratedSize()).toBe(size);
      const leaves = reader.entries(0, size).map(leafHash);
      const all = levelsOf(leaves);
      expect(reader.root(size).equals(treeHash(size, all))).toBe(true);
      const index = Math.floor(size / 3);
      expect(verifyInclusion(inclusionProof(index, size, reader.read), index, size, leaves[index] as Buffer, treeHash(size, all))).toBe(
        true,
      );
      const old = Math.max(1, size - step);
      expect(verifyConsistency(consistencyProof(old, size, reader.read), old, size, treeHash(old, all), treeHash(size, all))).toBe(true);
    }
  });

  it('appends take consecutive indexes inside their transaction and nothing of a rolled-back one', async () => {
    const { sqlite, reader, appendMany } = await openRecord();
    appendMany(0, 3);
    expect(() =>
      sqlite.transaction(() => {
        appendMany(3, 2);
        throw new Error('the batch fails after its appends');
      })(),
    ).toThrow(/batch fails/);
    appendMany(3, 1);
    expect(reader.size()).toBe(4);
    expect(reader.entries(0, 4).map((entry) => (JSON.parse(entry.toString('utf8')) as { subject: string }).subject)).toEqual([
      'S0',
      'S1',
      'S2',
      'S3',
    ]);
    expect(() => createRecordAppender(sqlite)([{ kind: 'k', subject: 's', detail: {} }], 'now')).toThrow(/inside the transaction/);
  });

  it('a run of entries takes the indexes after the last one, in order', async () => {
    const { sqlite, reader, append, appendMany } = await openRecord();
    appendMany(0, 2);
    const run = ['R0', 'R1', 'R2'].map((subject) => ({ kind: 'test.event', subject, detail: {} }));
    expect(sqlite.transaction(() => append(run, '2026-12-07T06:00:00.000Z'))()).toEqual([2, 3, 4]);
    expect(sqlite.transaction(() => append([], '2026-12-07T06:00:00.000Z'))()).toEqual([]);
    appendMany(5, 1);
    expect(reader.entries(0, 6).map((entry) => (JSON.parse(entry.toString('utf8')) as { subject: string }).subject)).toEqual([
      'S0',
      'S1',
      'R0',
      'R1',
      'R2',
      'S5',
    ]);
  });
});

describe('an entry’s bytes', () => {
  it('are the canonical JSON of the entry, key order and escapes included', () => {
    const events: RecordEvent[] = [
      { kind: 'submission.accepted', subject: 'a1', detail: { type: 'vote', branch: null, contentVersion: 3, receivedAt: 'x' } },
      { kind: 'proposal.rejected', subject: 'P-7', detail: { reason: { ka: 'უარი "ციტატა"\n', en: 'no\u2028' }, z: [1, { b: 2, a: 1 }] } },
      { kind: 'ä"\\', subject: '\u0000', detail: {} },
    ];
    for (const event of events)
      expect(entryBytes(event, '2026-12-02T10:00:00.000Z').toString('utf8')).toBe(
        canonicalJson({ v: 1, at: '2026-12-02T10:00:00.000Z', kind: event.kind, subject: event.subject, detail: event.detail }),
      );
  });
});
