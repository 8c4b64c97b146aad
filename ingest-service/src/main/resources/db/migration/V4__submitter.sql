-- Who submitted each report: the bearer token's subject. A reporter reads only its own submissions; null for
-- submissions from before tokens (only an operator reads those).
ALTER TABLE submissions ADD COLUMN submitter text;
