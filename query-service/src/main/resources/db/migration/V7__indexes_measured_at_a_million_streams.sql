-- Indexes for a read model of a million streams.

-- GET /api/v1/platforms/{platform}/countries read every current status to find one platform's: a sequential scan,
-- ~0.4 s and a core's worth of database per request at a million streams (found by the benchmark). ReadModel.platform
-- reads by this index, in the order it answers, and finds a platform's streams through it for another time too.
CREATE INDEX platform_status_platform ON platform_status (platform, country);

-- projected_events_timeline (country, effective_date, stream_id, stream_version) begins with the columns of
-- projected_events_country_effective, so it serves every lookup that one did; the second index only cost a write per
-- projected event, and another at every rebuild's switch-over.
DROP INDEX projected_events_country_effective;
