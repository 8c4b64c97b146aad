-- Idempotency-Key: the same key with the same report answers the same submission; the command is kept so that a
-- retry after a failed publish can publish it again (the ledger dedupes by command id).
ALTER TABLE submissions ADD COLUMN idempotency_key text UNIQUE;
ALTER TABLE submissions ADD COLUMN request_hash    text;
ALTER TABLE submissions ADD COLUMN command         text;
