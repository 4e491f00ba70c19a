-- PostgreSQL only (issue 13): the same query shapes as h2/V13_0, as partial indexes over live events (a tombstone
-- is never listed or counted) with the filtered columns included, so lists and counts are index-only scans. The
-- GiST index of V1_2 stays for the spatial joins (zones, merges); the planner picks among them from statistics.
CREATE INDEX events_date_cover_idx ON events (event_date DESC, id DESC) INCLUDE (lon, lat, event_type)
  WHERE deleted_at IS NULL;
CREATE INDEX events_lonlat_cover_idx ON events (lon, lat) INCLUDE (event_date, event_type)
  WHERE deleted_at IS NULL;
