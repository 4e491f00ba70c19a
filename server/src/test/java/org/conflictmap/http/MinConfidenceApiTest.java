package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/events?min_confidence=}: the map's "hide uncertain events" keeps only events whose
 * type confidence reaches the floor, and refuses a floor outside 0 to 1.
 */
class MinConfidenceApiTest {
  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
    http = new Http(app);
    // a firm cue in Homs; in Aleppo only a toll, no cue: an unclassified event of confidence 0
    Http.Response r =
        http.post(
            "/api/articles",
            "application/json",
            "{\"title\": \"Two reports\", \"body\": \"Air strikes hit Homs on Monday.\\n\\nFour"
                + " people died in Aleppo on Tuesday.\", \"published\": \"2019-08-27\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static List<String> places(String query) {
    Http.Response r = http.get("/api/events?" + query);
    assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode f : r.json().path("features")) {
      out.add(Names.normalize(f.path("properties").path("place_name").asText()));
    }
    return out;
  }

  @Test
  void aFloorHidesTheUncertainEventsAndCountsOnlyTheRest() {
    assertThat(places("limit=100")).containsExactlyInAnyOrder("homs", "aleppo");
    assertThat(places("min_confidence=0.8")).containsExactly("homs");
    assertThat(places("min_confidence=0")).containsExactlyInAnyOrder("homs", "aleppo");
    assertThat(places("min_confidence=1")).isEmpty();
    assertThat(
            http.get("/api/events?min_confidence=0.8&limit=1").json().path("numberMatched").asInt())
        .isEqualTo(1);
  }

  @Test
  void aFloorOutsideZeroToOneIsRefusedWithAProblem() {
    for (String bad : List.of("2", "-0.1", "abc", "NaN", "1e-1")) {
      Http.Response r = http.get("/api/events?min_confidence=" + bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.body()).contains("min_confidence").doesNotContain("Exception");
    }
  }
}
