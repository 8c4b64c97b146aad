-- A correction sits in valid time where the event it corrects does, not on the day it was reported (its own effective
-- date and recording time stay in its data). New rows are written so (ProjectedEvent.insert); this moves the old ones.
UPDATE projected_events c
SET effective_date = t.effective_date
FROM projected_events t
WHERE c.target_event_id = t.event_id
  AND c.effective_date <> t.effective_date;
