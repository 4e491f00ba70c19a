-- PostgreSQL only: H2 spells this CREATE SPATIAL INDEX.
CREATE INDEX events_geom_idx ON events USING GIST (geom);
CREATE INDEX zones_geom_idx ON zones USING GIST (geom);
