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

/** Point 3 of issue 4: polygons are checked, repaired when the repair is small, else refused. */
class ZoneValidationApiTest {
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

  static String feature(String geometry, String extraProps) {
    return "{\"type\":\"Feature\",\"geometry\":"
        + geometry
        + ",\"properties\":{\"name\":\"Z\",\"valid_from\":\"2018-01-01\""
        + extraProps
        + "}}";
  }

  static String polygon(String ring) {
    return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
  }

  @Test
  void aSmallSelfIntersectionIsRepairedAndTheAnswerSaysSo() {
    // a 1x1 square whose last edge makes a tiny loop back over itself near (36, 35.5)
    String ring =
        "[[36,35],[37,35],[37,36],[36,36],[36,35.5],[35.999,35.501],[36.001,35.501],[36,35.5],[36,35]]";
    Http.Response r = http.post("/api/zones", "application/geo+json", feature(polygon(ring), ""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode repaired = r.json().path("repaired");
    assertThat(repaired.path("detail").asText()).contains("repaired");
    assertThat(repaired.path("area_change_percent").asDouble()).isLessThanOrEqualTo(1.0);
    assertThat(repaired.path("location").get(0).asDouble()).isCloseTo(36.0, within(0.01));
    // what was stored is valid: reading it back and putting it again needs no repair
    long id = r.json().path("id").asLong();
    Http.Response again =
        http.put("/api/zones/" + id, "application/json", http.get("/api/zones/" + id).body());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().has("repaired")).isFalse();
  }

  @Test
  void aBowTieIsRefusedWithTheReasonAndThePlace() {
    String bowTie = "[[36,35],[37,36],[37,35],[36,36],[36,35]]";
    Http.Response r = http.post("/api/zones", "application/geo+json", feature(polygon(bowTie), ""));
    assertProblem(r, 422);
    assertThat(r.json().path("title").asText()).contains("Self-intersection");
    assertThat(r.json().path("detail").asText()).contains("1%").contains("[36.5, 35.5]");
    assertThat(r.json().path("location").get(0).asDouble()).isEqualTo(36.5);
    assertThat(r.json().path("location").get(1).asDouble()).isEqualTo(35.5);
  }

  @Test
  void aPolygonDrawnAcrossTheAntimeridianIsSplitThere() {
    String ring = "[[179,-17],[-179,-17],[-179,-16],[179,-16],[179,-17]]";
    Http.Response r = http.post("/api/zones", "application/geo+json", feature(polygon(ring), ""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode g = r.json().path("geometry");
    assertThat(g.path("type").asText()).isEqualTo("MultiPolygon");
    assertThat(g.path("coordinates")).hasSize(2);
    for (JsonNode part : g.path("coordinates")) {
      for (JsonNode p : part.get(0)) {
        assertThat(p.get(0).asDouble()).isBetween(-180.0, 180.0);
      }
    }
  }

  @Test
  void exteriorRingsComeBackCounterClockwise() {
    String clockwise = "[[36,35],[36,36],[37,36],[37,35],[36,35]]";
    JsonNode ring =
        http.post("/api/zones", "application/geo+json", feature(polygon(clockwise), ""))
            .json()
            .path("geometry")
            .path("coordinates")
            .get(0);
    double area2 = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      area2 +=
          ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
              - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
    }
    assertThat(area2).as("signed area of the exterior ring").isPositive();
  }

  @Test
  void badZonesAreRefusedAndNothingIsStored() {
    int before = http.get("/api/zones").json().path("features").size();
    String square = "[[36,35],[37,35],[37,36],[36,36],[36,35]]";
    assertProblem(
        http.post(
            "/api/zones",
            "application/json",
            feature(polygon(square), ",\"valid_to\":\"2017-01-01\"")),
        422);
    assertProblem(
        http.post(
            "/api/zones", "application/json", feature(polygon(square), ",\"colour\":\"red\"")),
        400);
    assertProblem(
        http.post(
            "/api/zones",
            "application/json",
            feature(polygon("[[36,35],[37,35],[37,36],[36,36]]"), "")),
        422);
    assertProblem(
        http.post(
            "/api/zones",
            "application/json",
            feature(polygon("[[36,35],[37,95],[37,36],[36,35]]"), "")),
        422);
    assertProblem(
        http.post(
            "/api/zones",
            "application/json",
            feature("{\"type\":\"LineString\",\"coordinates\":[[36,35],[37,35]]}", "")),
        422);
    StringBuilder huge = new StringBuilder("[");
    int n = 100_001;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      huge.append('[').append(36 + Math.cos(a)).append(',').append(35 + Math.sin(a)).append("],");
    }
    huge.append("[37.0,35.0]]");
    Http.Response tooDetailed =
        http.post("/api/zones", "application/json", feature(polygon(huge.toString()), ""));
    assertThat(tooDetailed.status()).isIn(413, 422);
    assertThat(http.get("/api/zones").json().path("features")).hasSize(before);
  }

  static void assertProblem(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
