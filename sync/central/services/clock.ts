import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Central's "now", for what it records: the time of a receipt, an answer, a
 * status, a record entry. Always the real clock, except inside
 * `atRecordedTime`, which only the demo uses: before Central listens, it
 * replays five months of feedback through ingest and the feedback service,
 * each step at the time it happened, so its tables and its public record
 * tell the same history (docs/decisions.md, "The demo's one story").
 */
const replayed = new AsyncLocalStorage<Date>();

export const centralNow = (): Date => new Date(replayed.getStore() ?? Date.now());

/**
 * Runs `work` as if it were `at`. Node 20's AsyncLocalStorage turns on
 * promise hooks for every promise while a store is in use, so the demo turns
 * it off again when its replay ends (`endReplay`): a running Central pays nothing.
 */
export const atRecordedTime = <T>(at: Date, work: () => Promise<T>): Promise<T> => replayed.run(at, work);

export const endReplay = (): void => replayed.disable();
