-- The citizen's receipt code of each submission (sync/record/receipt.ts): sent beside the payload, never
-- inside it, and deleted once Central acknowledges; the kiosk has no further use for it.
CREATE TABLE receipt_codes (
  submission_id TEXT PRIMARY KEY REFERENCES submissions(id),
  code          TEXT NOT NULL
) STRICT;
