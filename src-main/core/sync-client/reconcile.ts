import type { Database } from 'better-sqlite3';
import { readDeviceState } from '../db/deviceState.js';
import type { CentralClient } from './centralClient.js';
import type { RequestSigner } from './requestSigner.js';

const PAGE = 500;

/**
 * Compares what Central holds with what it acknowledged to us. If Central
 * holds fewer (restored from a backup, say), finds the acknowledged items it
 * lacks and puts them back in the queue. Returns how many were re-queued.
 * Items acknowledged before a re-enrolment are left out (DeviceState.reconcileAfterSeq).
 */
export async function reconcile(db: Database, central: CentralClient, signer: RequestSigner): Promise<number> {
  // Only what this device identity delivered: what an earlier one did is Central's under that one.
  const after = Number(readDeviceState(db).reconcileAfterSeq ?? 0);
  const acked =
    db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.state = 'acked' AND s.seq > ?`,
      )
      .get(after)?.n ?? 0;
  const summary = await central.reconcileSummary(signer);
  if (summary.count >= acked) return 0;

  const page = db.prepare<[number, number], { id: string; seq: number }>(
    `SELECT s.id, s.seq FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.state = 'acked' AND s.seq > ? ORDER BY s.seq LIMIT ?`,
  );
  const requeue = db.prepare(
    `UPDATE outbox SET state = 'pending', receipt_status = NULL, acked_at = NULL WHERE submission_id = ? AND state = 'acked'`,
  );
  let requeued = 0;
  for (let rows = page.all(after, PAGE); rows.length > 0; rows = page.all(rows.at(-1)?.seq ?? Number.MAX_SAFE_INTEGER, PAGE)) {
    const held = new Set(
      await central.held(
        signer,
        rows.map((row) => row.id),
      ),
    );
    const missing = rows.filter((row) => !held.has(row.id));
    db.transaction(() => missing.forEach((row) => requeue.run(row.id)))();
    requeued += missing.length;
  }
  return requeued;
}
