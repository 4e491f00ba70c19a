-- H2 only (issue 13): B-tree indexes for /api/events at a million events, chosen from EXPLAIN ANALYZE. No SPATIAL
-- index (see V12_0: H2's R-tree does not survive SIGKILL); a box is lon/lat BETWEEN on the plain columns.
-- Each index holds every column the common filters read (box, date, type, liveness), so H2 filters and counts from
-- the index alone ("reads" stay near the number of matches) and fetches rows only for the page it returns:
--   events_date_cover_idx   the list order (event_date DESC, id DESC: a page stops after `limit` entries) and
--                           narrow date windows;
--   events_lonlat_cover_idx small boxes (a longitude band, then lat/date/type checked in the index).
-- H2 has no partial index, so deleted_at is a column of both. EventStore names the one to use (USE INDEX).
CREATE INDEX events_date_cover_idx ON events (event_date, id, lon, lat, event_type, deleted_at);
CREATE INDEX events_lonlat_cover_idx ON events (lon, lat, event_date, event_type, deleted_at);
-- the date index above starts with event_date, so the old one only costs writes
DROP INDEX IF EXISTS events_event_date_idx;
