-- Issue 13 part 5: the merge lookup (store.EventSources) finds a report's event by type, a window of days and a
-- lat/lon box. Type and date lead, so a lookup reads one type's events of a few weeks; lat and lon ride along in
-- the index. A B-tree, not H2's SPATIAL INDEX, which does not survive SIGKILL (V12_0).
CREATE INDEX events_merge_idx ON events (event_type, event_date, lat, lon);
