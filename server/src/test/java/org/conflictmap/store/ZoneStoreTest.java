package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneDraft;
import org.conflictmap.zones.ZoneKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class ZoneStoreTest {
  /** The store under test: embedded H2 here, PostGIS in {@code ZoneStoreTestOnPostgis}. */
  Database database() {
    return Database.embedded(dir);
  }

  private static final String IDLIB =
      "POLYGON ((36.0 35.5, 37.2 35.5, 37.2 36.4, 36.0 36.4, 36.0 35.5))";

  @TempDir Path dir;
  private Database db;
  private ZoneStore zones;

  @BeforeEach
  void open() {
    db = database();
    zones = new ZoneStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Geometry wkt(String wkt) throws Exception {
    Geometry g = new WKTReader().read(wkt);
    g.setSRID(4326);
    return g;
  }

  private static ZoneDraft draft(String name, String wkt) throws Exception {
    return new ZoneDraft(
        name,
        ZoneKind.DE_ESCALATION_ZONE,
        "Agreed in Astana, May 2017.",
        Map.of("color", "#c0392b", "fillOpacity", 0.15, "weight", 2),
        LocalDate.of(2017, 5, 4),
        null,
        wkt(wkt));
  }

  @Test
  void createsAndReadsBack() throws Exception {
    Zone z = zones.create(draft("Idlib", IDLIB), "test");
    assertThat(z.id()).isPositive();
    assertThat(z.name()).isEqualTo("Idlib");
    assertThat(z.kind()).isEqualTo(ZoneKind.DE_ESCALATION_ZONE);
    assertThat(z.style())
        .containsEntry("color", "#c0392b")
        .containsEntry("fillOpacity", 0.15)
        .containsEntry("weight", 2);
    assertThat(z.validFrom()).isEqualTo(LocalDate.of(2017, 5, 4));
    assertThat(z.validTo()).isNull();
    assertThat(z.geometry().equalsExact(wkt(IDLIB))).isTrue();
    assertThat(z.geometry().getSRID()).isEqualTo(4326);
    assertThat(z.createdAt()).isEqualTo(z.updatedAt());
    assertThat(zones.get(z.id())).contains(z);
    assertThat(zones.list()).containsExactly(z);
    assertThat(zones.count()).isEqualTo(1);
  }

  @Test
  void storesMultiPolygons() throws Exception {
    String multi =
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2 2, 3 2, 3 3, 2 3, 2 2),"
            + " (2.2 2.2, 2.2 2.8, 2.8 2.8, 2.8 2.2, 2.2 2.2)))";
    Zone z = zones.create(draft("Two parts", multi), "test");
    assertThat(zones.get(z.id()).orElseThrow().geometry().equalsExact(wkt(multi))).isTrue();
  }

  @Test
  void updatesEverythingButIdAndCreationTime() throws Exception {
    Zone z = zones.create(draft("Idlib", IDLIB), "test");
    ZoneDraft changed =
        new ZoneDraft(
            "Idlib (2018)",
            ZoneKind.DEMILITARISED_ZONE,
            null,
            Map.of(),
            LocalDate.of(2018, 9, 17),
            LocalDate.of(2020, 3, 5),
            wkt("POLYGON ((36 35, 37 35, 37 36, 36 35))"));
    Zone u = zones.update(z.id(), changed, "test").orElseThrow();
    assertThat(u.id()).isEqualTo(z.id());
    assertThat(u.createdAt()).isEqualTo(z.createdAt());
    assertThat(u.updatedAt()).isAfterOrEqualTo(z.updatedAt());
    assertThat(u.name()).isEqualTo("Idlib (2018)");
    assertThat(u.kind()).isEqualTo(ZoneKind.DEMILITARISED_ZONE);
    assertThat(u.description()).isNull();
    assertThat(u.style()).isEmpty();
    assertThat(u.validTo()).isEqualTo(LocalDate.of(2020, 3, 5));
    assertThat(u.geometry().getNumPoints()).isEqualTo(4);
    assertThat(zones.get(z.id())).contains(u);
  }

  @Test
  void updateAndDeleteOfMissingZones() throws Exception {
    assertThat(zones.update(99, draft("x", IDLIB), "test")).isEmpty();
    assertThat(zones.delete(99, "test")).isFalse();
    assertThat(zones.get(99)).isEmpty();
  }

  @Test
  void deletes() throws Exception {
    Zone z = zones.create(draft("Idlib", IDLIB), "test");
    assertThat(zones.delete(z.id(), "test")).isTrue();
    assertThat(zones.get(z.id())).isEmpty();
    assertThat(zones.count()).isZero();
  }

  @Test
  void tableRefusesValidToBeforeValidFrom() throws Exception {
    ZoneDraft backwards =
        new ZoneDraft(
            "x",
            ZoneKind.OTHER,
            null,
            null,
            LocalDate.of(2020, 1, 2),
            LocalDate.of(2020, 1, 1),
            wkt(IDLIB));
    assertThatThrownBy(() -> zones.create(backwards, "test")).isInstanceOf(StoreException.class);
    assertThat(zones.count()).isZero();
  }
}
