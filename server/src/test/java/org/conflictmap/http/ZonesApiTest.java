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

/** Zone create, read, update, delete over HTTP, and the sample zone. */
class ZonesApiTest {
  static final String SQUARE =
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[36.0,35.0],[37.0,35.0],[37.0,36.0],[36.0,36.0],[36.0,35.0]]]},\"properties\":{\"name\":\"Test zone\","
          + "\"kind\":\"demilitarised-zone\",\"description\":\"a square\",\"style\":{\"color\":\"#336699\"},"
          + "\"valid_from\":\"2018-09-17\"}}";

  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theSampleHoldsTheIdlibZoneAroundIdlib() {
    JsonNode zones = http.get("/api/zones").json();
    JsonNode idlib = null;
    for (JsonNode f : zones.path("features")) {
      if (f.path("properties").path("name").asText().contains("Idlib")) {
        idlib = f;
      }
    }
    assertThat(idlib).as("the Idlib de-escalation zone").isNotNull();
    assertThat(idlib.path("properties").path("kind").asText()).isEqualTo("de-escalation-zone");
    assertThat(idlib.path("properties").path("description").asText())
        .containsIgnoringCase("approximate");
    assertThat(idlib.path("geometry").path("type").asText()).isEqualTo("Polygon");
    JsonNode ring = idlib.path("geometry").path("coordinates").get(0);
    assertThat(contains(ring, 36.63, 35.93)).as("Idlib city inside the zone").isTrue();
    assertThat(contains(ring, 32.85, 39.92)).as("Ankara outside the zone").isFalse();
  }

  @Test
  void createReadUpdateDelete() {
    Http.Response created = http.post("/api/zones", "application/geo+json", SQUARE);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();

    JsonNode read = http.get("/api/zones/" + id).json();
    assertThat(read.path("properties").path("name").asText()).isEqualTo("Test zone");
    assertThat(read.path("properties").path("valid_from").asText()).isEqualTo("2018-09-17");
    assertThat(read.path("properties").path("style").path("color").asText()).isEqualTo("#336699");

    String renamed =
        SQUARE
            .replace("Test zone", "Renamed zone")
            .replace("\"2018-09-17\"", "\"2018-09-17\",\"valid_to\":\"2019-12-31\"");
    Http.Response updated = http.put("/api/zones/" + id, "application/json", renamed);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    JsonNode after = http.get("/api/zones/" + id).json().path("properties");
    assertThat(after.path("name").asText()).isEqualTo("Renamed zone");
    assertThat(after.path("valid_to").asText()).isEqualTo("2019-12-31");

    assertThat(http.delete("/api/zones/" + id).status()).isEqualTo(204);
    Http.Response gone = http.get("/api/zones/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.contentType()).startsWith("application/problem+json");
    assertThat(http.delete("/api/zones/" + id).status()).isEqualTo(404);
  }

  @Test
  void whatAClientGetsItCanPutBack() {
    long id = http.post("/api/zones", "application/json", SQUARE).json().path("id").asLong();
    String got = http.get("/api/zones/" + id).body();
    Http.Response put = http.put("/api/zones/" + id, "application/geo+json", got);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().path("geometry"))
        .isEqualTo(Http.JSON.valueToTree(http.get("/api/zones/" + id).json().path("geometry")));
  }

  /** Ray casting over a GeoJSON ring of [lon, lat] positions. */
  static boolean contains(JsonNode ring, double lon, double lat) {
    boolean inside = false;
    for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      double xi = ring.get(i).get(0).asDouble();
      double yi = ring.get(i).get(1).asDouble();
      double xj = ring.get(j).get(0).asDouble();
      double yj = ring.get(j).get(1).asDouble();
      if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }
}
