package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal is a problem+json document with a status a client can act on, and leaves the store
 * as it was. The store starts with the sample (one article, its events, the Idlib zone).
 */
class BadInputTest {
  static final int LIMIT = 64 * 1024;

  @TempDir static Path data;
  static App app;
  static Http http;
  String eventsBefore;
  String zonesBefore;

  @BeforeAll
  static void start() {
    app =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(data)
                .withSample(true)
                .withMaxBodyBytes(LIMIT));
    http = new Http(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void snapshot() {
    eventsBefore = http.get("/api/events").body();
    zonesBefore = http.get("/api/zones").body();
    assertThat(http.get("/api/events").json().path("features"))
        .as("the sample events")
        .isNotEmpty();
  }

  @AfterEach
  void storeIsUnchanged() {
    assertThat(http.get("/api/events").body()).isEqualTo(eventsBefore);
    assertThat(http.get("/api/zones").body()).isEqualTo(zonesBefore);
  }

  private static JsonNode problem(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("at org.");
    return p;
  }

  @Test
  void malformedJson() {
    problem(http.post("/api/articles", "application/json", "{\"body\": \"Shelling in Homs"), 400);
    problem(http.post("/api/zones", "application/json", "{\"type\": \"Feature\", "), 400);
  }

  @Test
  void malformedGeoJson() {
    problem(http.post("/api/zones", "application/json", "[1, 2, 3]"), 400);
    problem(
        http.post(
            "/api/zones",
            "application/json",
            ZonesApiTest.SQUARE.replace("[[[36.0,35.0]", "[[[\"36.0\",35.0]")),
        400);
  }

  @Test
  void polygonThatIsNotValid() {
    String bowtie =
        ZonesApiTest.SQUARE.replace(
            "[[[36.0,35.0],[37.0,35.0],[37.0,36.0],[36.0,36.0],[36.0,35.0]]]",
            "[[[36.0,35.0],[37.0,36.0],[37.0,35.0],[36.0,36.0],[36.0,35.0]]]");
    JsonNode p = problem(http.post("/api/zones", "application/json", bowtie), 422);
    assertThat(p.path("detail").asText()).containsIgnoringCase("self-intersection");
    assertThat(p.path("location")).hasSize(2);
  }

  @Test
  void polygonThatIsNotClosed() {
    String open = ZonesApiTest.SQUARE.replace(",[36.0,35.0]]]", "]]");
    JsonNode p = problem(http.post("/api/zones", "application/json", open), 422);
    assertThat(p.path("detail").asText()).containsIgnoringCase("not closed");
  }

  @Test
  void coordinatesOutOfRange() {
    String far = ZonesApiTest.SQUARE.replace("[37.0,36.0]", "[37.0,96.0]");
    JsonNode p = problem(http.post("/api/zones", "application/json", far), 422);
    assertThat(p.path("detail").asText()).contains("96");
  }

  @Test
  void emptyBodies() {
    problem(http.post("/api/zones", "application/json", ""), 400);
    problem(http.post("/api/articles", "application/json", ""), 400);
    problem(http.post("/api/articles", "text/plain", "   \n"), 422);
  }

  @Test
  void binaryBodies() {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe, 0
    };
    problem(http.post("/api/articles", "text/plain", png), 422);
    problem(http.post("/api/articles", "application/octet-stream", png), 415);
    problem(http.post("/api/articles", "text/plain", "Shelling in Homs.\u0000\u0001"), 422);
  }

  @Test
  void bodyOverTheLimit() {
    char[] big = new char[LIMIT + 1024];
    Arrays.fill(big, 'a');
    problem(http.post("/api/articles", "text/plain", "Shelling in Homs. " + new String(big)), 413);
  }

  @Test
  void unknownIds() {
    problem(http.get("/api/events/987654"), 404);
    problem(http.get("/api/zones/987654"), 404);
    problem(http.put("/api/zones/987654", "application/json", ZonesApiTest.SQUARE), 404);
    problem(http.get("/api/articles/987654"), 404);
    problem(http.get("/api/events/abc"), 400);
    problem(http.get("/api/no-such-thing"), 404);
  }

  @Test
  void wrongDates() {
    problem(
        http.post(
            "/api/articles",
            "application/json",
            "{\"body\":\"Shelling in Homs.\",\"published\":\"2019-02-30\"}"),
        422);
    problem(
        http.post(
            "/api/articles",
            "application/json",
            "{\"body\":\"Shelling in Homs.\",\"published\":\"27/08/2019\"}"),
        422);
    problem(http.post("/api/articles", "text/plain", "date 2019-13-01\nShelling in Homs."), 422);
    problem(
        http.post(
            "/api/articles",
            "application/json",
            "{\"body\":\"Shelling in Homs.\",\"published\":\"2999-01-01\"}"),
        422);
    problem(http.get("/api/events?datetime=2019-08-31/2019-08-01"), 422);
    problem(http.get("/api/events?datetime=yesterday"), 422);
    JsonNode p =
        problem(
            http.post(
                "/api/zones",
                "application/json",
                ZonesApiTest.SQUARE.replace(
                    "\"2018-09-17\"", "\"2018-09-17\",\"valid_to\":\"2018-01-01\"")),
            422);
    assertThat(p.path("detail").asText()).contains("valid_to");
  }

  @Test
  void unknownParametersAndFields() {
    problem(http.get("/api/events?bbx=1,2,3,4"), 400);
    problem(http.get("/api/events?bbox=1,2,3"), 400);
    problem(http.get("/api/events?bbox=10,50,0,40"), 400);
    problem(http.get("/api/events?limit=0"), 422);
    problem(http.get("/api/events?limit=ten"), 400);
    problem(http.get("/api/geocode"), 400);
    problem(
        http.post(
            "/api/articles",
            "application/json",
            "{\"body\":\"Shelling in Homs.\",\"author\":\"x\"}"),
        400);
    problem(
        http.post(
            "/api/articles", "application/json", "{\"body\":\"Homs.\",\"url\":\"javascript:x\"}"),
        422);
    problem(
        http.post(
            "/api/zones",
            "application/json",
            ZonesApiTest.SQUARE.replace("\"kind\"", "\"colour\":\"red\",\"kind\"")),
        400);
  }
}
