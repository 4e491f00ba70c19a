-- How likely an event's place is the one its text means (extract.PlaceConfidence), 0 to 1;
-- null for events stored before the model or written without it.
ALTER TABLE events ADD COLUMN place_confidence DOUBLE PRECISION;
ALTER TABLE events ADD CONSTRAINT events_place_confidence_ck
  CHECK (place_confidence IS NULL OR (place_confidence >= 0 AND place_confidence <= 1));
ALTER TABLE event_sources ADD COLUMN place_confidence DOUBLE PRECISION;
