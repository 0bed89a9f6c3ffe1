-- Files that travel with a submission (voice messages). Written with the submission, in its transaction.
CREATE TABLE attachments (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  name          TEXT NOT NULL,
  path          TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  -- The tus upload URL once created: a cut upload resumes from its offset, even after a restart.
  upload_url    TEXT,
  uploaded_at   TEXT,
  PRIMARY KEY (submission_id, name)
) STRICT;
CREATE INDEX attachments_not_uploaded ON attachments(submission_id) WHERE uploaded_at IS NULL;
