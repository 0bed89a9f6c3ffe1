import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/openDatabase.js';
import { createEnqueue } from '../../src-main/core/outbox/enqueue.js';
import { createOutboxQueries } from '../../src-main/core/outbox/outboxQueries.js';
import { payloadSha256 } from '../../src-main/core/outbox/payloadHash.js';
import type { RatingPayload } from '../../sync/protocol/submission.js';
import { makeTempDir } from '../support/tempDir.js';

const dirs: Array<{ remove: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
const openTemp = () => {
  const dir = makeTempDir('outbox');
  dirs.push(dir);
  return openDatabase(dir.path);
};
const payload: RatingPayload = { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-7', score: 4, language: 'ka' };

describe('outbox', () => {
  it('writes the submission and its outbox row together, with UUIDv7 id, seq and hash', () => {
    const db = openTemp();
    const enqueue = createEnqueue(db);
    const first = enqueue({ payload, sessionId: null, contentVersion: 1 });
    const second = enqueue({ payload: { ...payload, score: 5 }, sessionId: null, contentVersion: 1 });
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(first.confirmationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    const batch = createOutboxQueries(db).pendingBatch(10);
    expect(batch.map((item) => item.id)).toEqual([first.id, second.id]);
    expect(batch[0]?.payloadSha256).toBe(payloadSha256(payload));
    db.close();
  });

  it('is atomic: when the outbox row cannot be written, the submission is not kept either', () => {
    const db = openTemp();
    // A trigger makes the second insert of the transaction fail, as a full disk would.
    db.exec(`CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    const enqueue = createEnqueue(db);
    expect(() => enqueue({ payload, sessionId: null, contentVersion: 1 })).toThrow(/disk full/);
    expect(db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    db.close();
  });

  it('marks items done only from receipts; conflicts become dead letters, unanswered stay pending', () => {
    const db = openTemp();
    const enqueue = createEnqueue(db);
    const outbox = createOutboxQueries(db);
    const [a, b, c, d] = [1, 2, 3, 4].map((score) => enqueue({ payload: { ...payload, score }, sessionId: null, contentVersion: 1 }));
    const at = new Date().toISOString();
    outbox.applyReceipts([
      { id: a!.id, status: 'accepted', receivedAt: at },
      { id: b!.id, status: 'duplicate', receivedAt: at },
      { id: c!.id, status: 'conflict', reason: 'same id, different content', receivedAt: at },
    ]);
    expect(outbox.counts()).toMatchObject({ pending: 1, acked: 2, dead: 1 });
    expect(outbox.pendingBatch(10).map((item) => item.id)).toEqual([d!.id]);
    db.close();
  });
});
