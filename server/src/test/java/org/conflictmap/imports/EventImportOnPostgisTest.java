package org.conflictmap.imports;

import org.conflictmap.store.Database;
import org.conflictmap.store.Postgis;

/** Every test of {@link EventImportTest} against PostgreSQL + PostGIS (see {@link Postgis}). */
class EventImportOnPostgisTest extends EventImportTest {
  @Override
  Database database() {
    return Postgis.fresh();
  }
}
