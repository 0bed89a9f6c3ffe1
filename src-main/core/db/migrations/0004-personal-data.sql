-- Personal data of a submission (contact details), sealed to Central's key on arrival, kept apart from
-- the payload so it can be deleted the moment Central acknowledges the submission.
CREATE TABLE personal_data (
  submission_id  TEXT PRIMARY KEY REFERENCES submissions(id),
  contact_sealed TEXT NOT NULL
) STRICT;
