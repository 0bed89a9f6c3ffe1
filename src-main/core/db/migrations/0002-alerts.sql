-- Things a technician must know (a quarantined database, ...), reported to Central with the heartbeat.
CREATE TABLE alerts (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  detail_json TEXT NOT NULL,
  sent_at     TEXT
) STRICT;
