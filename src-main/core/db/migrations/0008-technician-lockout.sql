-- Technician mode (issue #17): wrong PIN tries and the lockout they earned, in the database so that restarting
-- the kiosk does not give a guesser fresh tries. One row; the PIN itself is never here (only its hash, in the config).
CREATE TABLE technician_lockout (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  failures     INTEGER NOT NULL,
  lockouts     INTEGER NOT NULL,
  locked_until TEXT
) STRICT;
