package org.conflictmap.store;

/** Every test of {@link IngestStoreTest} against PostgreSQL + PostGIS (see {@link Postgis}). */
class IngestStoreOnPostgisTest extends IngestStoreTest {
  @Override
  Database database() {
    return Postgis.fresh();
  }
}
