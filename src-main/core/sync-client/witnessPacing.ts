import { CentralError } from './centralClient.js';

/** When Central's 429 names no wait, the witness waits this long before reading the record again. */
const DEFAULT_PAUSE_MS = 60_000;

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when it says nothing usable. */
const retryAfterMs = (header: string | null, now: number): number | undefined => {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

/**
 * Paces the kiosk's witnessing of the public record. The record's files are
 * public pages, limited per address, and the kiosks of one branch (or of a
 * whole region behind one operator's address) share an address: when Central
 * answers 429, the witness stops asking until the time Central named, and
 * says so once, instead of asking again every sync round and warning each
 * time (a bench of 50 kiosks printed 2,724 such warnings). Other failures are
 * reported as before, every round: they are not the kiosk's to wait out.
 */
export function createWitnessPacing(warn: (message: string) => void = console.warn, now: () => number = Date.now) {
  let pausedUntil = 0;
  return async (witness: () => Promise<unknown>): Promise<void> => {
    if (now() < pausedUntil) return;
    try {
      await witness();
    } catch (error) {
      if (error instanceof CentralError && error.kind === 'throttled') {
        const wait = retryAfterMs(error.retryAfter, now()) ?? DEFAULT_PAUSE_MS;
        pausedUntil = now() + wait;
        warn(
          `record witness: Central limits reading its record from this address; witnessing again in ${String(Math.ceil(wait / 1000))} s`,
        );
        return;
      }
      warn(`record witness: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
