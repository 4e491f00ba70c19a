-- H2 only: PostgreSQL spells this CREATE INDEX ... USING GIST. H2 uses it for the && operator.
CREATE SPATIAL INDEX events_geom_idx ON events (geom);
CREATE SPATIAL INDEX zones_geom_idx ON zones (geom);
