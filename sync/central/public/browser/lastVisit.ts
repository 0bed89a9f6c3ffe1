import { fromBase64, toBase64 } from './bytes.js';
import type { Checkpoint } from './signedNote.js';

/**
 * "Since your last visit": the last checkpoint this browser verified, per
 * record, in its own storage (nothing leaves the browser). A browser that
 * refuses storage (private mode) simply has no last visit.
 */
const keyOf = (origin: string) => `psh-record-seen:${origin}`;

export function lastSeen(origin: string): Checkpoint | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(origin)) ?? 'null') as { size?: unknown; root?: unknown } | null;
    if (typeof stored?.size !== 'number' || typeof stored.root !== 'string') return undefined;
    return { origin, size: stored.size, root: fromBase64(stored.root) };
  } catch {
    return undefined;
  }
}

export function rememberSeen(checkpoint: Checkpoint): void {
  try {
    localStorage.setItem(keyOf(checkpoint.origin), JSON.stringify({ size: checkpoint.size, root: toBase64(checkpoint.root) }));
  } catch {
    // No storage here: the next visit is a first visit again.
  }
}
