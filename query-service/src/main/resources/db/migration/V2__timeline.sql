-- Corrections point at the event they correct: the timeline marks corrected events from this column.
ALTER TABLE projected_events ADD COLUMN target_event_id uuid;
CREATE INDEX projected_events_target ON projected_events (target_event_id) WHERE target_event_id IS NOT NULL;
-- Keyset pagination of a country's timeline: effective date, then stream, then version.
CREATE INDEX projected_events_timeline ON projected_events (country, effective_date, stream_id, stream_version);
