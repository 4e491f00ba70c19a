package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a live map polls: {@code /api/events/latest} gives the newest events with when they were
 * reported and a cursor; after an ingest the next poll from that cursor has exactly the new events.
 * And {@code /api/places/labels}, the offline base map's names by zoom.
 */
class LiveApiTest {
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

  static List<Long> ids(JsonNode fc) {
    List<Long> out = new ArrayList<>();
    fc.path("features").forEach(f -> out.add(f.path("id").asLong()));
    return out;
  }

  @Test
  void theNextPollFromTheCursorHasExactlyTheNewEvents() {
    Http.Response first = http.get("/api/events/latest?limit=3");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Cache-Control")).isEqualTo("no-store");
    JsonNode page = first.json();
    List<Long> shown = ids(page);
    assertThat(shown).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    long cursor = page.path("latest_id").asLong();
    assertThat(cursor).isEqualTo(shown.get(0));
    Instant reported =
        Instant.parse(page.path("features").get(0).path("properties").path("reported_at").asText());
    assertThat(Duration.between(reported, Instant.now()).abs()).isLessThan(Duration.ofMinutes(10));

    // nothing new yet
    JsonNode idle = http.get("/api/events/latest?after=" + cursor).json();
    assertThat(idle.path("new_count").asLong()).isZero();
    assertThat(idle.path("features").size()).isZero();
    assertThat(idle.path("latest_id").asLong()).isEqualTo(cursor);

    Http.Response ingest =
        http.post(
            "/api/articles",
            "application/json",
            "{\"title\": \"Live poll test\", \"body\": \"Clashes were reported in Homs on Monday,"
                + " and a protest took place in Hama.\", \"published\": \"2020-02-03\"}");
    assertThat(ingest.status()).isEqualTo(201);
    List<Long> created = ids(ingest.json().path("events"));
    assertThat(created).isNotEmpty();

    JsonNode next = http.get("/api/events/latest?after=" + cursor).json();
    assertThat(next.path("new_count").asLong()).isEqualTo(created.size());
    assertThat(ids(next)).containsExactlyInAnyOrderElementsOf(created);
    assertThat(next.path("latest_id").asLong())
        .isEqualTo(created.stream().mapToLong(Long::longValue).max().getAsLong());
    // newest first, each with its place and when it was reported
    assertThat(next.path("features").get(0).path("id").asLong())
        .isEqualTo(next.path("latest_id").asLong());
    for (JsonNode f : next.path("features")) {
      assertThat(f.path("properties").path("place_name").asText()).isNotBlank();
      assertThat(f.path("properties").path("reported_at").asText()).isNotBlank();
    }
  }

  @Test
  void theNewCountAndTheListHonourTheMapsFilters() {
    long cursor = http.get("/api/events/latest?limit=1").json().path("latest_id").asLong();
    Http.Response ingest =
        http.post(
            "/api/articles",
            "application/json",
            "{\"title\": \"Live filter test\", \"body\": \"Clashes were reported in Homs on"
                + " Monday.\", \"published\": \"2020-03-02\"}");
    assertThat(ingest.status()).isEqualTo(201);
    JsonNode created = ingest.json().path("events").path("features");
    assertThat(created.size()).isPositive();
    JsonNode one = created.get(0);
    long id = one.path("id").asLong();
    String type = one.path("properties").path("event_type").asText();
    double lon = one.path("geometry").path("coordinates").get(0).asDouble();
    double lat = one.path("geometry").path("coordinates").get(1).asDouble();
    String date = one.path("properties").path("event_date").asText();
    String around = "bbox=" + (lon - 1) + "," + (lat - 1) + "," + (lon + 1) + "," + (lat + 1);
    String elsewhere = "bbox=-120,30,-110,40";
    // each filter the map can have: a match counts the new event, a miss does not
    String[][] cases = {
      {around, elsewhere},
      {"type=" + type, "type=" + (type.equals("protests") ? "battles" : "protests")},
      {"datetime=" + date + "/" + date, "datetime=1990-01-01/1990-12-31"},
      {"q=Homs", "q=Nowhereville"},
      {"country=SY", "country=BR"},
    };
    for (String[] c : cases) {
      JsonNode hit = http.get("/api/events/latest?after=" + cursor + "&" + c[0]).json();
      assertThat(ids(hit)).as(c[0]).contains(id);
      assertThat(hit.path("new_count").asLong()).as(c[0]).isEqualTo(ids(hit).size());
      JsonNode miss = http.get("/api/events/latest?after=" + cursor + "&" + c[1]).json();
      assertThat(ids(miss)).as(c[1]).doesNotContain(id);
      assertThat(miss.path("new_count").asLong()).as(c[1]).isZero();
      // the cursor is the newest id of all, whatever the filter
      assertThat(miss.path("latest_id").asLong()).as(c[1]).isGreaterThanOrEqualTo(id);
      // the latest list (no cursor) is filtered too
      JsonNode list = http.get("/api/events/latest?limit=100&" + c[1]).json();
      assertThat(ids(list)).as(c[1]).doesNotContain(id);
    }
    // as /api/events answers them
    assertThat(http.get("/api/events/latest?type=nonsense").status())
        .isEqualTo(http.get("/api/events?type=nonsense").status())
        .isBetween(400, 499);
    assertThat(http.get("/api/events/latest?zone=999999").status()).isEqualTo(404);
  }

  @Test
  void aBadCursorIsAProblemTheClientCanFix() {
    for (String bad : new String[] {"abc", "-1", "1e3"}) {
      Http.Response r = http.get("/api/events/latest?after=" + bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().path("detail").asText()).contains("latest_id");
    }
    // out of range, as every limit of the API answers it
    assertThat(http.get("/api/events/latest?limit=1000").status()).isEqualTo(422);
    assertThat(http.get("/api/events/latest?since=1").status()).isEqualTo(400);
  }

  static List<String> labels(String query, String kind) {
    Http.Response r = http.get("/api/places/labels?" + query);
    assertThat(r.status()).as(query).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode f : r.json().path("features")) {
      if (kind == null || kind.equals(f.path("properties").path("kind").asText())) {
        out.add(f.path("properties").path("name").asText());
      }
    }
    return out;
  }

  @Test
  void labelsGrowWithTheZoom() {
    // the world: country names and only the largest cities
    List<String> world = labels("bbox=-180,-85,180,85&zoom=2", "country");
    assertThat(world).contains("China", "Brazil", "Russia");
    // closer in, the smaller countries get their own room
    assertThat(labels("bbox=25,25,60,45&zoom=4", "country")).contains("Syria", "Lebanon");
    for (JsonNode f : http.get("/api/places/labels?zoom=2").json().path("features")) {
      if ("town".equals(f.path("properties").path("kind").asText())) {
        assertThat(f.path("properties").path("population").asLong()).isGreaterThan(1_000_000);
      }
    }
    // north-western Syria at region zoom: its cities, not yet its villages
    // neighbours both named: Aleppo beside Gaziantep, Damascus and Beirut beside LEBANON
    assertThat(labels("bbox=32.7,29.5,41.3,41.5&zoom=6", "town"))
        .contains("Aleppo", "Gaziantep", "Damascus", "Beirut");
    List<String> syria = labels("bbox=35.5,34.5,38.5,37&zoom=7", "town");
    assertThat(syria).contains("Aleppo");
    List<String> closer = labels("bbox=36.4,35.7,36.9,36.1&zoom=10", "town");
    assertThat(closer).contains("Idlib");
    assertThat(labels("bbox=35.5,34.5,38.5,37&zoom=6", "region")).isNotEmpty();
    assertThat(http.get("/api/places/labels?zoom=99").status()).isEqualTo(422);
    assertThat(http.get("/api/places/labels?bbox=1,2,3&zoom=4").status()).isEqualTo(400);
  }
}
