package org.conflictmap.store;

/** Every test of {@link ZoneStoreTest} against PostgreSQL + PostGIS (see {@link Postgis}). */
class ZoneStoreOnPostgisTest extends ZoneStoreTest {
  @Override
  Database database() {
    return Postgis.fresh();
  }
}
