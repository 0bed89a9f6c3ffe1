import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { Refusal } from '../submit/refusal.js';
import { createAlerts } from '../sync-client/heartbeat.js';

/** Technician mode leaves by itself after this long without a technician's call (the screen also counts it down). */
export const TECHNICIAN_IDLE_MS = 3 * 60_000;

/** How a visit ended: the technician left, it timed out, another began, or the kiosk stopped under it. */
export type VisitEnd = 'left' | 'idle' | 'replaced' | 'interrupted';

/** The alert kind a finished visit travels as, in the heartbeat, to Central's fleet page and public record. */
export const TECHNICIAN_VISIT_ALERT = 'technician-visit';

interface VisitRow {
  id: string;
  started_at: string;
  last_active_at: string;
  changes_json: string;
}

/**
 * Technician visits: begun by a right PIN, kept alive by the technician's own
 * calls, ended by leaving, by TECHNICIAN_IDLE_MS of silence, or found open at
 * start (the kiosk stopped under it). Each ended visit is written, in the same
 * transaction, as a 'technician-visit' alert that the heartbeat carries to
 * Central once: when it began and ended, how, and what was changed (setting
 * names, enrolment, self-tests), never anything a visitor did.
 */
export function createTechnicianVisits(db: Database, now: () => number = Date.now) {
  const open = db.prepare<[], VisitRow>(
    'SELECT id, started_at, last_active_at, changes_json FROM technician_visits WHERE ended_at IS NULL ORDER BY started_at',
  );
  const insert = db.prepare<[string, string, string]>('INSERT INTO technician_visits (id, started_at, last_active_at) VALUES (?, ?, ?)');
  const touch = db.prepare<[string, string]>('UPDATE technician_visits SET last_active_at = ? WHERE id = ?');
  const setChanges = db.prepare<[string, string]>('UPDATE technician_visits SET changes_json = ? WHERE id = ?');
  const close = db.prepare<[string, string, string]>('UPDATE technician_visits SET ended_at = ?, end_reason = ? WHERE id = ?');
  const alerts = createAlerts(db);
  const iso = (ms: number) => new Date(ms).toISOString();

  const end = db.transaction((visit: VisitRow, reason: VisitEnd, endedAt: string) => {
    close.run(endedAt, reason, visit.id);
    const detail = {
      visitId: visit.id,
      startedAt: visit.started_at,
      endedAt,
      endReason: reason,
      changes: JSON.parse(visit.changes_json) as string[],
    };
    alerts.raise(TECHNICIAN_VISIT_ALERT, detail, endedAt);
  });

  // A visit still open at start was cut by a crash or a power cut: it ended when its technician last acted.
  for (const visit of open.all()) end(visit, 'interrupted', visit.last_active_at);

  const current = (): VisitRow | undefined => open.get();
  /** Ends the visit as 'idle' (at its last activity plus the limit) if it has been idle past the limit; answers whether it did. */
  const endIfIdle = (visit: VisitRow): boolean => {
    const lastActive = Date.parse(visit.last_active_at);
    if (now() - lastActive <= TECHNICIAN_IDLE_MS) return false;
    end(visit, 'idle', iso(lastActive + TECHNICIAN_IDLE_MS));
    return true;
  };

  return {
    /** Starts a visit (ending any other as 'replaced'); the PIN was checked by the caller. */
    begin(): { readonly visitId: string; readonly idleMs: number } {
      const at = iso(now());
      const other = current();
      if (other) end(other, 'replaced', at);
      const visitId = randomUUID();
      insert.run(visitId, at, at);
      return { visitId, idleMs: TECHNICIAN_IDLE_MS };
    },

    /**
     * The gate of every technician call: the visit must be the open one and
     * not idle past the limit (then it ends here, as 'idle'). Each call counts as activity.
     */
    require(visitId: string): void {
      const visit = current();
      if (!visit || visit.id !== visitId)
        throw new Refusal('not-found', 'Technician mode is not open; enter it again with the PIN', 'technicianId');
      if (endIfIdle(visit))
        throw new Refusal('not-found', 'Technician mode ended after being left idle; enter it again with the PIN', 'technicianId');
      touch.run(iso(now()), visitId);
    },

    /** Notes what the technician did, once per kind of change (e.g. 'settings:idleTimeoutSec', 'enrolment'). */
    note(visitId: string, ...changes: string[]): void {
      const visit = current();
      if (!visit || visit.id !== visitId) return;
      const noted = JSON.parse(visit.changes_json) as string[];
      setChanges.run(JSON.stringify([...new Set([...noted, ...changes])]), visitId);
    },

    /** Ends a visit left idle past the limit though no call came to notice it (the core checks every half minute). */
    endIdle(): void {
      const visit = current();
      if (visit) endIfIdle(visit);
    },

    /** Ends the open visit, if it is this one (a second leave is harmless). */
    leave(visitId: string, reason: 'left' | 'idle'): void {
      const visit = current();
      if (visit && visit.id === visitId) end(visit, reason, iso(now()));
    },
  };
}

export type TechnicianVisits = ReturnType<typeof createTechnicianVisits>;
