import type { Database } from 'better-sqlite3';
import type { Receipt } from '../../../sync/protocol/push.js';
import type { SubmissionEnvelope } from '../../../sync/protocol/submission.js';
import { createEnvelopeOfRow, type StoredSubmissionRow } from './envelopeOfRow.js';

export interface OutboxCounts {
  readonly pending: number;
  readonly acked: number;
  readonly dead: number;
  readonly oldestPendingAt: string | null;
}

/** Reads and updates delivery state; the only writer of outbox states besides enqueue. */
export function createOutboxQueries(db: Database) {
  const pending = db.prepare<[number], StoredSubmissionRow>(
    `SELECT s.id, s.seq, s.payload_json, s.payload_sha256, s.created_at, s.content_version, s.confirmation_code
       FROM outbox o JOIN submissions s ON s.id = o.submission_id
      WHERE o.state = 'pending' ORDER BY s.seq LIMIT ?`,
  );
  const markAttempt = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE submission_id = ? AND state = 'pending'`);
  const ack = db.prepare(
    `UPDATE outbox SET state = 'acked', receipt_status = ?, acked_at = ? WHERE submission_id = ? AND state = 'pending'`,
  );
  // Central holds it now: the kiosk keeps no personal data it no longer needs (secure_delete zeroes the page).
  const forgetPersonal = db.prepare('DELETE FROM sealed_personal WHERE submission_id = ?');
  // The receipt code too: Central has turned it into the public record's hashes; only the citizen keeps it now.
  const forgetReceipt = db.prepare('DELETE FROM receipt_codes WHERE submission_id = ?');
  const dead = db.prepare(
    `UPDATE outbox SET state = 'dead', receipt_status = ?, last_error = ? WHERE submission_id = ? AND state = 'pending'`,
  );
  const counts = db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state');
  const envelopeOf = createEnvelopeOfRow(db);
  const oldest = db.prepare<[], { created_at: string }>(
    `SELECT s.created_at FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.state = 'pending' ORDER BY s.seq LIMIT 1`,
  );

  return {
    /** The oldest pending items, as wire envelopes. */
    pendingBatch(limit: number): SubmissionEnvelope[] {
      return pending.all(limit).map(envelopeOf);
    },

    markFailure(ids: readonly string[], error: string): void {
      db.transaction(() => ids.forEach((id) => markAttempt.run(error, id)))();
    },

    /**
     * Applies Central's receipts in one transaction. accepted/duplicate mean
     * Central holds the item; conflict/rejected will never succeed by retrying,
     * so they leave the queue as dead letters instead of blocking it.
     */
    applyReceipts(receipts: readonly Receipt[]): void {
      let forgotten = 0;
      db.transaction(() => {
        for (const receipt of receipts) {
          if (receipt.status === 'accepted' || receipt.status === 'duplicate') {
            ack.run(receipt.status, receipt.receivedAt, receipt.id);
            forgotten += forgetPersonal.run(receipt.id).changes;
            forgetReceipt.run(receipt.id);
          } else {
            dead.run(receipt.status, receipt.reason ?? receipt.status, receipt.id);
          }
        }
      })();
      // The WAL still holds the old page with the sealed contact: fold it back now and truncate the
      // file, rather than leave those bytes until the queue happens to drain.
      if (forgotten > 0) db.pragma('wal_checkpoint(TRUNCATE)');
    },

    counts(): OutboxCounts {
      const byState = Object.fromEntries(counts.all().map((row) => [row.state, row.n]));
      return {
        pending: byState.pending ?? 0,
        acked: byState.acked ?? 0,
        dead: byState.dead ?? 0,
        oldestPendingAt: oldest.get()?.created_at ?? null,
      };
    },
  };
}

export type OutboxQueries = ReturnType<typeof createOutboxQueries>;
