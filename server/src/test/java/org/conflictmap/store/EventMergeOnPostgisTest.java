package org.conflictmap.store;

/** Every test of {@link EventMergeTest} against PostgreSQL + PostGIS (see {@link Postgis}). */
class EventMergeOnPostgisTest extends EventMergeTest {
  @Override
  Database database() {
    return Postgis.fresh();
  }
}
