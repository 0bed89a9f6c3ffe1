-- This kiosk as a witness of Central's public record (issue #15): the log's key, pinned at first sight,
-- and the last checkpoint it found consistent (one row); and the evidence of any checkpoint that was not
-- (a rollback, a split view, a rewritten record), kept for staff and never overwritten.
CREATE TABLE record_witness (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  verifier_key TEXT NOT NULL,
  size         INTEGER,
  root         BLOB,
  note         TEXT,
  seen_at      TEXT
) STRICT;
CREATE TABLE record_evidence (
  id           TEXT PRIMARY KEY,
  found_at     TEXT NOT NULL,
  reason       TEXT NOT NULL,
  seen_note    TEXT,
  offered_note TEXT NOT NULL
) STRICT;
