-- H2 only. Loads the H2GIS functions (ST_*) into this database. It must run inside the first migration: loading it
-- beforehand creates objects in the schema, and Flyway then refuses to baseline a non-empty schema.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();
