-- Issue 16 part 5: an imported row keeps the id its file gave it (ACLED's event_id_cnty, or a fingerprint of the
-- row when the file has none), so importing the same file again finds its events instead of doubling them. NULL
-- for events that came from articles; both databases let a UNIQUE index hold many NULLs.
ALTER TABLE events ADD COLUMN external_id VARCHAR(200);
CREATE UNIQUE INDEX events_external_id_uq ON events (external_id);
