import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Language } from '../../../sync/protocol/localized.js';

/** Why a visitor's session ended: written here once, checked at the API boundary (argSchemas.ts) from this list. */
export const SESSION_END_REASONS = ['finished', 'idle', 'home'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface VisitorSession {
  readonly id: string;
  readonly language: Language;
  readonly contentVersion: number;
  readonly startedAt: string;
}

/** Visitor sessions: one per person at the screen, from the welcome tap to the reset. */
export function createSessions(db: Database) {
  const insert = db.prepare('INSERT INTO sessions (id, started_at, language, content_version) VALUES (?, ?, ?, ?)');
  const end = db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL');
  const setLanguage = db.prepare('UPDATE sessions SET language = ? WHERE id = ? AND ended_at IS NULL');
  const open = db.prepare<[string], { id: string; language: Language; content_version: number; started_at: string }>(
    'SELECT id, language, content_version, started_at FROM sessions WHERE id = ? AND ended_at IS NULL',
  );

  return {
    start(language: Language, contentVersion: number): VisitorSession {
      const session = { id: uuidv7(), language, contentVersion, startedAt: new Date().toISOString() };
      insert.run(session.id, session.startedAt, language, contentVersion);
      return session;
    },
    setLanguage(id: string, language: Language): void {
      setLanguage.run(language, id);
    },
    /** The open session with this id, or undefined once it has ended. */
    find(id: string): VisitorSession | undefined {
      const row = open.get(id);
      return row && { id: row.id, language: row.language, contentVersion: row.content_version, startedAt: row.started_at };
    },
    end(id: string, reason: SessionEndReason): void {
      end.run(new Date().toISOString(), reason, id);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
