import type { Database } from 'better-sqlite3';
import { verifyTechnicianPin } from '../../../kiosk-config/technicianPin.js';

/** Wrong tries allowed before the first lockout. */
export const FREE_TRIES = 5;
/** The first lockout; each wrong try after a lockout doubles it, up to the cap. */
export const FIRST_LOCKOUT_MS = 60_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;

export type PinOutcome =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly triesLeft: number }
  | { readonly kind: 'locked'; readonly untilMs: number }
  | { readonly kind: 'no-pin' };

interface LockoutRow {
  failures: number;
  lockouts: number;
  locked_until: string | null;
}

/**
 * The technician PIN's gate: five wrong tries, then a lockout of a minute,
 * and every wrong try after a lockout locks again for twice as long (2, 4, 8
 * minutes … at most an hour). While locked, nothing is checked, so a guesser
 * gets no answer at all. A right PIN clears it. The count lives in SQLite, so
 * a restart gives no fresh tries. Without a PIN in the config, technician mode cannot be entered.
 */
export function createPinGuard(db: Database, pinHash: string | undefined) {
  const read = db.prepare<[], LockoutRow>('SELECT failures, lockouts, locked_until FROM technician_lockout WHERE id = 1');
  const write = db.prepare<[number, number, string | null]>(
    `INSERT INTO technician_lockout (id, failures, lockouts, locked_until) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until`,
  );
  const state = (): LockoutRow => read.get() ?? { failures: 0, lockouts: 0, locked_until: null };

  return {
    /** Where the gate stands now, without a try: for the PIN screen's "locked until" message. */
    lockedUntil(now = Date.now()): number | undefined {
      const until = state().locked_until;
      return until && Date.parse(until) > now ? Date.parse(until) : undefined;
    },
    attempt(typed: string, now = Date.now()): PinOutcome {
      if (!pinHash) return { kind: 'no-pin' };
      const current = state();
      if (current.locked_until && Date.parse(current.locked_until) > now)
        return { kind: 'locked', untilMs: Date.parse(current.locked_until) };
      if (verifyTechnicianPin(pinHash, typed)) {
        write.run(0, 0, null);
        return { kind: 'accepted' };
      }
      const failures = current.failures + 1;
      if (failures < FREE_TRIES) {
        write.run(failures, current.lockouts, null);
        return { kind: 'refused', triesLeft: FREE_TRIES - failures };
      }
      const lockouts = current.lockouts + 1;
      const untilMs = now + Math.min(FIRST_LOCKOUT_MS * 2 ** (lockouts - 1), MAX_LOCKOUT_MS);
      // One try is left after a lockout: a wrong one locks again, for longer.
      write.run(FREE_TRIES - 1, lockouts, new Date(untilMs).toISOString());
      return { kind: 'locked', untilMs };
    },
  };
}

export type PinGuard = ReturnType<typeof createPinGuard>;
