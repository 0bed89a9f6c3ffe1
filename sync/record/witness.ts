import type { Checkpoint } from './checkpoint.js';
import { consistencyProof, verifyConsistency } from './merkle.js';
import { withTileHashes } from './tileHashReader.js';
import type { Fetcher } from './verifyRecord.js';

/**
 * A witness's check of a new checkpoint against the one it saw before
 * (issue #15, kiosks as witnesses): the new tree must extend the old one,
 * which a consistency proof computed from the log's own tiles shows. Returns
 * why it does not hold (a split view, a rollback, a rewritten record), or
 * undefined when it does. A tile that cannot be fetched throws: that is an
 * outage, not evidence.
 */
export async function inconsistency(fetch: Fetcher, seen: Checkpoint | undefined, latest: Checkpoint): Promise<string | undefined> {
  if (!seen) return undefined;
  if (seen.origin !== latest.origin) return `the checkpoint is of ${latest.origin}, not ${seen.origin}`;
  if (latest.size < seen.size)
    return `the record shrank from ${String(seen.size)} to ${String(latest.size)} entries (a rollback, or another view of the log)`;
  if (latest.size === seen.size)
    return latest.root.equals(seen.root) ? undefined : `two different roots for the same ${String(seen.size)} entries (a split view)`;
  if (seen.size === 0) return undefined;
  const holds = await withTileHashes(fetch, latest.size, (read) =>
    verifyConsistency(consistencyProof(seen.size, latest.size, read), seen.size, latest.size, seen.root, latest.root),
  );
  return holds
    ? undefined
    : `the ${String(latest.size)}-entry record does not extend the ${String(seen.size)}-entry one seen before (rewritten, or a split view)`;
}
