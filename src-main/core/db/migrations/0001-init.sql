-- Device identity and small settings (device id, credential, enrolment state).
CREATE TABLE device_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row per visitor session: language and content version are fixed for its lifetime.
CREATE TABLE sessions (
  id              TEXT PRIMARY KEY,
  started_at      TEXT NOT NULL,
  ended_at        TEXT,
  end_reason      TEXT,
  language        TEXT NOT NULL,
  content_version INTEGER NOT NULL
) STRICT;

-- What a visitor submitted. Written in the same transaction as its outbox row.
CREATE TABLE submissions (
  id                TEXT PRIMARY KEY,
  seq               INTEGER NOT NULL UNIQUE,
  type              TEXT NOT NULL,
  session_id        TEXT REFERENCES sessions(id),
  payload_json      TEXT NOT NULL,
  payload_sha256    TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  content_version   INTEGER NOT NULL,
  confirmation_code TEXT NOT NULL
) STRICT;

-- Delivery state per submission: pending until a receipt from Central says otherwise.
CREATE TABLE outbox (
  submission_id   TEXT PRIMARY KEY REFERENCES submissions(id),
  state           TEXT NOT NULL CHECK (state IN ('pending', 'acked', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  receipt_status  TEXT,
  acked_at        TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(state) WHERE state = 'pending';

-- Content packs pulled from Central (or the bundled demo pack before the first sync).
CREATE TABLE content_packs (
  version    INTEGER PRIMARY KEY,
  body_json  TEXT NOT NULL,
  stored_at  TEXT NOT NULL
) STRICT;
