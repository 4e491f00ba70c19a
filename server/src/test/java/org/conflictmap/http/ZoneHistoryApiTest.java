package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Point 4 of issue 4: zones in force on a day, and a version for every change. */
class ZoneHistoryApiTest {
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

  static List<String> names(JsonNode fc) {
    List<String> out = new ArrayList<>();
    fc.path("features").forEach(f -> out.add(f.path("properties").path("name").asText()));
    return out;
  }

  @Test
  void theSampleHasTheFiveZonesWithTheirDates() {
    List<String> all = names(http.get("/api/zones").json());
    assertThat(all)
        .anyMatch(n -> n.contains("Idlib de-escalation"))
        .anyMatch(n -> n.contains("Northern Homs"))
        .anyMatch(n -> n.contains("Eastern Ghouta"))
        .anyMatch(n -> n.contains("South-west"))
        .anyMatch(n -> n.contains("Sochi"));
    for (JsonNode f : http.get("/api/zones").json().path("features")) {
      assertThat(f.path("properties").path("description").asText()).contains("pproximate");
    }
  }

  @Test
  void atADayAnswersTheZonesInForceThatDay() {
    // 27 August 2019: Ghouta, Homs and the south-west had fallen; Idlib and the Sochi strip held
    List<String> in2019 = names(http.get("/api/zones?at=2019-08-27").json());
    assertThat(in2019).anyMatch(n -> n.contains("Idlib de-escalation"));
    assertThat(in2019).anyMatch(n -> n.contains("Sochi"));
    assertThat(in2019).noneMatch(n -> n.contains("Ghouta") || n.contains("Homs"));
    // before the Sochi memorandum: the four Astana zones only
    List<String> in2017 = names(http.get("/api/zones?at=2017-12-01").json());
    assertThat(in2017).hasSize(4).noneMatch(n -> n.contains("Sochi"));
    // before Astana: none
    assertThat(names(http.get("/api/zones?at=2016-01-01").json())).isEmpty();
    ZoneValidationApiTest.assertProblem(http.get("/api/zones?at=2019-02-30"), 422);
    ZoneValidationApiTest.assertProblem(http.get("/api/zones?when=2019-01-01"), 400);
  }

  @Test
  void twoEditsMakeThreeVersionsWithWhoAndWhatChanged() {
    String square =
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[36,35],[37,35],[37,36],[36,36],[36,35]]]},\"properties\":{\"name\":\"First\","
            + "\"valid_from\":\"2018-01-01\"}}";
    long id =
        http.request("POST", "/api/zones", Map.of("X-Editor", "Amal"), "application/json", square)
            .json()
            .path("id")
            .asLong();
    http.request(
        "PUT",
        "/api/zones/" + id,
        Map.of("X-Editor", "Boris"),
        "application/json",
        square.replace("First", "Second"));
    http.request(
        "PUT",
        "/api/zones/" + id,
        Map.of("X-Editor", "Chen"),
        "application/json",
        square.replace("First", "Second").replace("[37,36]", "[37.5,36.2]"));

    JsonNode history = http.get("/api/zones/" + id + "/history").json();
    JsonNode versions = history.path("versions");
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).path("action").asText()).isEqualTo("created");
    assertThat(versions.get(0).path("editor").asText()).isEqualTo("Amal");
    assertThat(versions.get(1).path("editor").asText()).isEqualTo("Boris");
    assertThat(versions.get(1).path("changes").toString()).isEqualTo("[\"name\"]");
    assertThat(versions.get(2).path("editor").asText()).isEqualTo("Chen");
    assertThat(versions.get(2).path("changes").toString()).isEqualTo("[\"geometry\"]");
    assertThat(versions.get(2).path("changed_at").asText())
        .isGreaterThanOrEqualTo(versions.get(1).path("changed_at").asText());

    // the first version, as it was
    JsonNode v1 = http.get("/api/zones/" + id + "/versions/1").json();
    assertThat(v1.path("properties").path("name").asText()).isEqualTo("First");
    assertThat(v1.path("geometry").path("coordinates").get(0).toString()).contains("[37.0,36.0]");

    // deleting keeps the history, with the deletion last
    http.request("DELETE", "/api/zones/" + id, Map.of("X-Editor", "Dana"), null, null);
    JsonNode after = http.get("/api/zones/" + id + "/history").json();
    assertThat(after.path("deleted").asBoolean()).isTrue();
    assertThat(after.path("versions")).hasSize(4);
    assertThat(after.path("versions").get(3).path("editor").asText()).isEqualTo("Dana");

    ZoneValidationApiTest.assertProblem(http.get("/api/zones/" + id + "/versions/9"), 404);
    ZoneValidationApiTest.assertProblem(http.get("/api/zones/987654/history"), 404);
  }

  @Test
  void editsNeedTheTokenWhenOneIsSet(@TempDir Path other) {
    try (App locked =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(other)
                .withSample(false)
                .withEditorToken("s3cret"))) {
      Http h = new Http(locked.port());
      ZoneValidationApiTest.assertProblem(
          h.post(
              "/api/zones/import",
              "application/geo+json",
              "{\"type\":\"Polygon\",\"coordinates\":[[[36,35],[37,35],[37,36],[36,35]]]}"),
          401);
      assertThat(h.get("/api/zones").json().path("features")).isEmpty();
    }
  }
}
