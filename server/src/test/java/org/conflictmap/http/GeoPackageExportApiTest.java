package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.sf.Point;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/export?format=gpkg}: a GeoPackage QGIS opens, read back with the NGA reader and with
 * plain SQLite: one point per matching event in EPSG:4326, typed attributes, the extent, the map's
 * filters, an empty export that is still a GeoPackage, and the row limit.
 */
class GeoPackageExportApiTest {
  @TempDir static Path data;
  @TempDir static Path out;
  static App app;
  static Http http;
  static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app =
        App.start(
            Config.defaults().withPort(0).withDataDir(data).withSample(true).withExportMaxRows(3));
    http = new Http(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Fetches a GeoPackage export into a file of its own; fails unless it is a 200. */
  static Path fetch(String query) throws Exception {
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/export?" + query))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/geopackage+sqlite3");
    assertThat(r.headers().firstValue("content-disposition").orElse("")).contains(".gpkg");
    Path f = Files.createTempFile(out, "export", ".gpkg");
    Files.write(f, r.body());
    // SQLite's magic
    assertThat(new String(r.body(), 0, 15, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("SQLite format 3");
    return f;
  }

  static int matched(String filter) {
    return http.get("/api/events?" + filter).json().path("numberMatched").asInt();
  }

  @Test
  void oneTypedPointPerEventInWgs84() throws Exception {
    String filter = "bbox=35,35,38,37";
    int expected = matched(filter);
    assertThat(expected).isBetween(1, 3);
    JsonNode features = http.get("/api/events?" + filter).json().path("features");
    Map<Long, JsonNode> byId = new HashMap<>();
    features.forEach(f -> byId.put(f.path("id").asLong(), f));
    Path file = fetch("format=gpkg&" + filter);
    try (GeoPackage gp = GeoPackageManager.open(file.toFile(), false)) {
      // the events, and the zones of the view as a layer of their own
      assertThat(gp.getFeatureTables()).containsExactlyInAnyOrder("events", "zones");
      FeatureDao dao = gp.getFeatureDao("events");
      assertThat(dao.count()).isEqualTo(expected);
      assertThat(dao.getSrsId()).isEqualTo(4326);
      assertThat(dao.getGeometryType()).isEqualTo(mil.nga.sf.GeometryType.POINT);
      FeatureResultSet rs = dao.queryForAll();
      try {
        while (rs.moveToNext()) {
          FeatureRow row = rs.getRow();
          long id = (Long) row.getValue("cm_id");
          JsonNode f = byId.get(id);
          assertThat(f).as("event %d is one /api/events lists", id).isNotNull();
          Point p = (Point) row.getGeometryValue();
          assertThat(p.getX()).isEqualTo(f.path("geometry").path("coordinates").path(0).asDouble());
          assertThat(p.getY()).isEqualTo(f.path("geometry").path("coordinates").path(1).asDouble());
          assertThat(row.getValue("longitude")).isEqualTo(p.getX());
          // the NGA reader reads a DATE column as a java.util.Date at midnight UTC
          assertThat(
                  ((java.util.Date) row.getValue("event_date"))
                      .toInstant()
                      .atZone(java.time.ZoneOffset.UTC)
                      .toLocalDate())
              .hasToString(f.path("properties").path("event_date").asText());
          assertThat(row.getValue("event_type"))
              .isEqualTo(f.path("properties").path("event_type").asText());
        }
      } finally {
        rs.close();
      }
    }
    // and as plain SQLite, the way any other reader sees it
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT organization, organization_coordsys_id, definition"
                  + " FROM gpkg_spatial_ref_sys WHERE srs_id = 4326")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualToIgnoringCase("EPSG");
        assertThat(rs.getInt(2)).isEqualTo(4326);
        assertThat(rs.getString(3))
            .startsWith("GEOGCS[\"WGS 84\"")
            .contains("AUTHORITY[\"EPSG\",\"4326\"]");
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT data_type, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents"
                  + " WHERE table_name = 'events'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("features");
        assertThat(rs.getInt(2)).isEqualTo(4326);
        double[] lons =
            features.findValues("coordinates").stream()
                .mapToDouble(xy -> xy.path(0).asDouble())
                .toArray();
        double[] lats =
            features.findValues("coordinates").stream()
                .mapToDouble(xy -> xy.path(1).asDouble())
                .toArray();
        assertThat(rs.getDouble(3)).isEqualTo(java.util.Arrays.stream(lons).min().getAsDouble());
        assertThat(rs.getDouble(4)).isEqualTo(java.util.Arrays.stream(lats).min().getAsDouble());
        assertThat(rs.getDouble(5)).isEqualTo(java.util.Arrays.stream(lons).max().getAsDouble());
        assertThat(rs.getDouble(6)).isEqualTo(java.util.Arrays.stream(lats).max().getAsDouble());
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns"
                  + " WHERE table_name = 'events'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("POINT");
        assertThat(rs.getInt(2)).isEqualTo(4326);
      }
      // typed columns, so a GIS filters "fatalities > 3" as numbers and dates as dates
      Map<String, String> types = new HashMap<>();
      try (ResultSet rs = st.executeQuery("PRAGMA table_info(events)")) {
        while (rs.next()) {
          types.put(rs.getString("name"), rs.getString("type"));
        }
      }
      assertThat(types)
          .containsEntry("event_date", "DATE")
          .containsEntry("fatalities", "INTEGER")
          .containsEntry("latitude", "DOUBLE")
          .containsEntry("cm_planned", "BOOLEAN")
          .containsEntry("notes", "TEXT")
          .containsEntry("geom", "POINT");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT typeof(fatalities), typeof(latitude), typeof(year), event_date FROM events"
                  + " WHERE fatalities IS NOT NULL LIMIT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .containsExactly("integer", "real", "integer");
        // GeoPackage dates are ISO 8601 text
        assertThat(rs.getString(4)).matches("\\d{4}-\\d{2}-\\d{2}");
      }
      try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
    }
  }

  @Test
  void filtersAreTheMapsAndAnEmptyResultIsStillAGeoPackage() throws Exception {
    for (String filter : List.of("type=Battles&datetime=2019-08-01/..", "bbox=10,10,11,11")) {
      int expected = matched(filter);
      Path file = fetch("format=gpkg&" + filter);
      try (GeoPackage gp = GeoPackageManager.open(file.toFile(), false)) {
        assertThat(gp.getFeatureDao("events").count()).as(filter).isEqualTo(expected);
        assertThat(gp.getSpatialReferenceSystemDao().queryForId(4326L)).isNotNull();
      }
    }
    assertThat(matched("bbox=10,10,11,11")).isZero();
  }

  @Test
  void theZonesOfTheViewAreALayerOfTheirOwn() throws Exception {
    // the same zones OGC items list for the box and period: in the sample, Idlib's
    String filter = "bbox=35,35,38,37&datetime=2019-08-01/2019-08-31";
    JsonNode ogc = http.get("/ogc/collections/zones/items?" + filter).json();
    List<String> expected = new java.util.ArrayList<>();
    ogc.path("features").forEach(f -> expected.add(f.path("properties").path("name").asText()));
    assertThat(expected).isNotEmpty();
    Path f = fetch("format=gpkg&" + filter);
    try (GeoPackage gp = GeoPackageManager.open(f.toFile(), false)) {
      assertThat(gp.getFeatureTables()).contains("events", "zones");
      FeatureDao dao = gp.getFeatureDao("zones");
      assertThat(dao.getSrs().getOrganization()).isEqualToIgnoringCase("EPSG");
      assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4326);
      List<String> names = new java.util.ArrayList<>();
      FeatureResultSet rows = dao.queryForAll();
      try {
        while (rows.moveToNext()) {
          FeatureRow row = rows.getRow();
          names.add((String) row.getValue("name"));
          assertThat(row.getGeometry().getGeometry()).isInstanceOf(mil.nga.sf.MultiPolygon.class);
          assertThat(row.getValue("kind")).isNotNull();
        }
      } finally {
        rows.close();
      }
      assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }
    // a box far from every zone: the layer is there, and empty
    try (GeoPackage gp =
        GeoPackageManager.open(fetch("format=gpkg&bbox=10,10,11,11").toFile(), false)) {
      assertThat(gp.getFeatureDao("zones").count()).isZero();
    }
  }

  @Test
  void moreThanTheConfiguredRowsIs413AndLeavesNoTempFile() throws Exception {
    assertThat(matched("")).isGreaterThan(3);
    long before = tempDirs();
    Http.Response r = http.get("/api/export?format=gpkg");
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asText()).contains("at most 3 events");
    fetch("format=gpkg&bbox=10,10,11,11");
    // the server deletes its temp file once the last byte is written, which may be just after the
    // client has read it: give it a moment, then it must be gone
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (tempDirs() != before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(tempDirs()).isEqualTo(before);
  }

  private static long tempDirs() throws Exception {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("conflictmap-gpkg")).count();
    }
  }
}
