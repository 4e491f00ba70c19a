package org.conflictmap.store;

/** Every test of {@link EventStoreTest} against PostgreSQL + PostGIS (see {@link Postgis}). */
class EventStoreOnPostgisTest extends EventStoreTest {
  @Override
  Database database() {
    return Postgis.fresh();
  }
}
