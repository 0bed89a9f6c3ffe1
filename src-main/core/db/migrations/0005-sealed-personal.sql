-- Personal data sealed to Central's key, one row per field (contact details, a verified vote's personal
-- number), apart from the payload so it is deleted the moment Central acknowledges the submission.
CREATE TABLE sealed_personal (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  field         TEXT NOT NULL CHECK (field IN ('contact', 'personalNumber')),
  sealed        TEXT NOT NULL,
  PRIMARY KEY (submission_id, field)
) STRICT;
INSERT INTO sealed_personal (submission_id, field, sealed) SELECT submission_id, 'contact', contact_sealed FROM personal_data;
DROP TABLE personal_data;
