-- The event ids of a decided report as a typed list (uuid[], in the order the ledger recorded them) instead of
-- comma-joined text: PostgreSQL checks every id, and nobody splits strings to read them. Rows already decided keep
-- their ids; a rejected report's empty text becomes an empty list.
ALTER TABLE submissions
    ALTER COLUMN event_ids TYPE uuid[] USING string_to_array(event_ids, ',')::uuid[];
