-- Technician mode (issue #17): one row per visit, from the PIN to leaving (or the idle timeout). `changes_json` lists
-- what the technician did (settings changed by field name, enrolment, self-tests), never a visitor's data. When a
-- visit ends it becomes an alert of kind 'technician-visit', which the heartbeat carries to Central exactly once.
CREATE TABLE technician_visits (
  id             TEXT PRIMARY KEY,
  started_at     TEXT NOT NULL,
  last_active_at TEXT NOT NULL,
  ended_at       TEXT,
  end_reason     TEXT,
  changes_json   TEXT NOT NULL DEFAULT '[]'
) STRICT;
