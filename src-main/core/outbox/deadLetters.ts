import type { Database } from 'better-sqlite3';
import type { SubmissionEnvelope } from '../../../sync/protocol/submission.js';
import { createEnvelopeOfRow, type StoredSubmissionRow } from './envelopeOfRow.js';

export interface DeadLetter {
  readonly id: string;
  readonly seq: number;
  readonly type: string;
  readonly createdAt: string;
  readonly status: string;
  readonly reason: string;
  readonly attempts: number;
}

interface DeadRow extends StoredSubmissionRow {
  type: string;
  receipt_status: string | null;
  last_error: string | null;
  attempts: number;
}

/**
 * Items Central will not take as they are. They leave the queue (so it keeps
 * moving) but never the disk: a technician can see, retry or export them.
 */
export function createDeadLetters(db: Database) {
  const list = db.prepare<[], DeadRow>(
    `SELECT s.id, s.seq, s.type, s.created_at, o.receipt_status, o.last_error, o.attempts, s.payload_json, s.payload_sha256, s.content_version, s.confirmation_code
       FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.state = 'dead' ORDER BY s.seq`,
  );
  const markDead = db.prepare(
    `UPDATE outbox SET state = 'dead', receipt_status = ?, last_error = ? WHERE submission_id = ? AND state = 'pending'`,
  );
  const envelopeOf = createEnvelopeOfRow(db);
  const retry = db.prepare(`UPDATE outbox SET state = 'pending', receipt_status = NULL WHERE submission_id = ? AND state = 'dead'`);

  return {
    markDead(id: string, status: string, reason: string): void {
      markDead.run(status, reason, id);
    },
    list(): DeadLetter[] {
      return list.all().map((row) => ({
        id: row.id,
        seq: row.seq,
        type: row.type,
        createdAt: row.created_at,
        status: row.receipt_status ?? 'rejected',
        reason: row.last_error ?? '',
        attempts: row.attempts,
      }));
    },
    /** Back into the queue, e.g. after Central was fixed. False if it was not a dead letter. */
    retry(id: string): boolean {
      return retry.run(id).changes === 1;
    },
    /** Full envelopes, as they would be sent, for a technician to save and hand over. */
    export(): SubmissionEnvelope[] {
      return list.all().map(envelopeOf);
    },
  };
}

export type DeadLetters = ReturnType<typeof createDeadLetters>;
