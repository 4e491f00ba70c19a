package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Point 2 of issue 4: GeoJSON and KML in and out, all or nothing, with a per-feature report. */
class ZoneImportExportApiTest {
  static final String KML_TYPE = "application/vnd.google-earth.kml+xml";
  static final String SQUARE = "[[[36,35],[37,35],[37,36],[36,36],[36,35]]]";

  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
    http = new Http(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static int zoneCount() {
    return http.get("/api/zones").json().path("features").size();
  }

  static String feature(String name, String extra) {
    return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + SQUARE
        + "},\"properties\":{\"name\":\""
        + name
        + "\",\"valid_from\":\"2018-01-01\""
        + extra
        + "}}";
  }

  @Test
  void aFeatureCollectionIsImportedWithAReportPerFeature() {
    int before = zoneCount();
    String fc =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + feature("One", ",\"kind\":\"area-of-control\",\"fid\":7,\"source\":\"qgis\"")
            + ","
            + feature("Two", ",\"valid_to\":\"2019-01-01\"")
            + "]}";
    Http.Response r = http.post("/api/zones/import", "application/geo+json", fc);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("imported").asInt()).isEqualTo(2);
    JsonNode first = r.json().path("features").get(0);
    assertThat(first.path("status").asText()).isEqualTo("imported");
    assertThat(first.path("ignored_properties").toString()).isEqualTo("[\"fid\",\"source\"]");
    long id = first.path("id").asLong();
    JsonNode stored = http.get("/api/zones/" + id).json().path("properties");
    assertThat(stored.path("kind").asText()).isEqualTo("area-of-control");
    assertThat(zoneCount()).isEqualTo(before + 2);
    JsonNode v1 = http.get("/api/zones/" + id + "/history").json().path("versions").get(0);
    assertThat(v1.path("action").asText()).isEqualTo("imported");
  }

  @Test
  void aBareGeometryTakesTheDefaultValidFrom() {
    Http.Response r =
        http.post(
            "/api/zones/import?valid_from=2018-09-17",
            "application/geo+json",
            "{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().path("features").get(0).path("id").asLong();
    assertThat(http.get("/api/zones/" + id).json().path("properties").path("valid_from").asText())
        .isEqualTo("2018-09-17");
  }

  @Test
  void oneBadFeatureRefusesTheWholeFileAndSaysWhichAndWhy() {
    int before = zoneCount();
    String fc =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + feature("Good", "")
            + ","
            + feature("Backwards", ",\"valid_to\":\"2017-01-01\"")
            + ","
            + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Bow\",\"valid_from\":\"2018-01-01\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36,35],[37,36],[37,35],[36,36],[36,35]]]}}"
            + "]}";
    Http.Response r = http.post("/api/zones/import", "application/geo+json", fc);
    ZoneValidationApiTest.assertProblem(r, 422);
    JsonNode report = r.json().path("features");
    assertThat(report).hasSize(3);
    assertThat(report.get(0).path("status").asText()).isEqualTo("valid");
    assertThat(report.get(1).path("status").asText()).isEqualTo("refused");
    assertThat(report.get(1).path("title").asText()).contains("valid_to before valid_from");
    assertThat(report.get(2).path("status").asText()).isEqualTo("refused");
    assertThat(report.get(2).path("location").isArray()).isTrue();
    assertThat(zoneCount()).as("nothing half-imported").isEqualTo(before);
  }

  @Test
  void kmlIsImportedAndExportedBackTheSame() {
    String kml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark>"
            + "<name>From KML</name><description>drawn elsewhere</description>"
            + "<TimeSpan><begin>2018-09-17</begin><end>2019-12-31T00:00:00Z</end></TimeSpan>"
            + "<ExtendedData><Data name=\"kind\"><value>demilitarised-zone</value></Data></ExtendedData>"
            + "<Polygon><outerBoundaryIs><LinearRing><coordinates>"
            + "36,35,0 37,35,0 37,36,0 36,36,0 36,35,0"
            + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>";
    Http.Response r = http.post("/api/zones/import", KML_TYPE, kml);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().path("features").get(0).path("id").asLong();
    JsonNode p = http.get("/api/zones/" + id).json().path("properties");
    assertThat(p.path("name").asText()).isEqualTo("From KML");
    assertThat(p.path("kind").asText()).isEqualTo("demilitarised-zone");
    assertThat(p.path("valid_to").asText()).isEqualTo("2019-12-31");

    Http.Response exported = http.get("/api/zones/export?format=kml");
    assertThat(exported.contentType()).startsWith(KML_TYPE);
    assertThat(exported.body()).contains("<name>From KML</name>");
    // what we export, we import again
    int before = zoneCount();
    Http.Response again = http.post("/api/zones/import", KML_TYPE, exported.body());
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(zoneCount()).isEqualTo(2 * before);

    Http.Response geojson = http.get("/api/zones/export?format=geojson");
    assertThat(geojson.json().path("type").asText()).isEqualTo("FeatureCollection");
    ZoneValidationApiTest.assertProblem(http.get("/api/zones/export?format=shp"), 400);
  }

  @Test
  void kmlWithEntitiesOrNetworkLinksIsRefusedAndNothingIsFetched() {
    int before = zoneCount();
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>&x;</name></Placemark></kml>";
    Http.Response r = http.post("/api/zones/import", KML_TYPE, xxe);
    ZoneValidationApiTest.assertProblem(r, 422);
    assertThat(r.body()).doesNotContain("root:");
    assertThat(r.json().path("title").asText()).contains("DOCTYPE");

    String link =
        "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><NetworkLink><Link>"
            + "<href>http://127.0.0.1:9/zones.kml</href></Link></NetworkLink></Document></kml>";
    Http.Response l = http.post("/api/zones/import", KML_TYPE, link);
    ZoneValidationApiTest.assertProblem(l, 422);
    assertThat(l.json().path("title").asText()).contains("network link");

    ZoneValidationApiTest.assertProblem(
        http.post("/api/zones/import", KML_TYPE, "<kml><oops"), 400);
    assertThat(zoneCount()).isEqualTo(before);
  }

  @Test
  void aDetailedFileOverTheTwoMegabyteBodyLimitStillImports() {
    // 99,000 positions: about 2.8 MB, over the API's default 2 MB body limit and under 10 MB
    StringBuilder ring = new StringBuilder("[");
    int n = 99_000;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      ring.append(
          String.format(java.util.Locale.ROOT, "[%.9f,%.9f],", 36 + Math.cos(a), 35 + Math.sin(a)));
    }
    ring.append("[37.000000000,35.000000000]]");
    String body =
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
            + ring
            + "]},\"properties\":{\"name\":\"Detailed\",\"valid_from\":\"2018-01-01\"}}";
    assertThat(body.length()).isBetween(2_500_000, 10_000_000);
    Http.Response r = http.post("/api/zones/import", "application/geo+json", body);
    assertThat(r.status())
        .as(r.body().substring(0, Math.min(300, r.body().length())))
        .isEqualTo(201);
  }

  @Test
  void filesOverTenMegabytesAndOddInputAreRefused() {
    int before = zoneCount();
    byte[] big = new byte[10 * 1024 * 1024 + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    ZoneValidationApiTest.assertProblem(
        http.post("/api/zones/import", "application/geo+json", big), 413);
    ZoneValidationApiTest.assertProblem(
        http.post("/api/zones/import", "application/geo+json", "{\"type\":"), 400);
    ZoneValidationApiTest.assertProblem(
        http.post("/api/zones/import", "application/octet-stream", new byte[] {0, 1, 2}), 415);
    ZoneValidationApiTest.assertProblem(
        http.post("/api/zones/import", "application/geo+json", "{\"type\":\"FeatureCollection\"}"),
        400);
    ZoneValidationApiTest.assertProblem(
        http.post(
            "/api/zones/import",
            "application/geo+json",
            "{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}"),
        422);
    assertThat(zoneCount()).isEqualTo(before);
  }
}
