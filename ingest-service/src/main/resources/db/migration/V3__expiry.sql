-- A submission claimed under an Idempotency-Key is recorded before its command is published; when the publish fails
-- (503) and the client never retries, the command never reaches the ledger. published_at says whether it did, and
-- such a submission EXPIRES after ingest.submission.expire-after instead of staying PENDING forever. A retry with the
-- same key publishes it again and makes it PENDING again; an outcome, whenever it comes, decides it.
ALTER TABLE submissions ADD COLUMN published_at timestamptz;
UPDATE submissions SET published_at = received_at;
ALTER TABLE submissions DROP CONSTRAINT submissions_status_check;
ALTER TABLE submissions ADD CONSTRAINT submissions_status_check
    CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED'));
CREATE INDEX submissions_unpublished ON submissions (received_at) WHERE status = 'PENDING' AND published_at IS NULL;
