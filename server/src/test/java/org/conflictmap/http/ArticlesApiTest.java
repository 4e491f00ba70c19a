package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingesting the founding article over HTTP and reading its events back. */
class ArticlesApiTest {
  static final Path FOUNDING =
      Path.of("src", "test", "resources", "founding", "idlib-2019-08-27.txt");

  @TempDir static Path data;
  static App app;
  static Http http;
  static JsonNode ingested;

  @BeforeAll
  static void start() throws Exception {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
    http = new Http(app);
    Http.Response r =
        http.post("/api/articles", "text/plain; charset=utf-8", Files.readString(FOUNDING));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    ingested = r.json();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theFoundingArticlePutsEventsAtIdlibAndAnkara() {
    JsonNode events = http.get("/api/events").json();
    assertThat(events.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(hasEventNear(events, 35.93, 36.63)).as("an event within 25 km of Idlib").isTrue();
    assertThat(hasEventNear(events, 39.92, 32.85)).as("an event within 25 km of Ankara").isTrue();
  }

  @Test
  void eventsCarryAcledFieldsAndTheirEvidence() {
    JsonNode first = ingested.path("events").path("features").get(0);
    long id = first.path("id").asLong();
    Http.Response r = http.get("/api/events/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/geo+json");
    JsonNode p = r.json().path("properties");
    assertThat(p.path("event_date").asText()).isEqualTo("2019-08-27");
    for (String field :
        new String[] {
          "event_type",
          "sub_event_type",
          "geo_precision",
          "time_precision",
          "fatalities",
          "notes",
          "place_id",
          "place_name",
          "country_code",
          "sentence",
          "article_id",
          "source_url"
        }) {
      assertThat(p.has(field)).as(field).isTrue();
    }
    String sentence = p.path("sentence").asText();
    assertThat(sentence).contains(p.path("place_name").asText().substring(0, 4));
    assertThat(p.path("sentence_end").asInt()).isGreaterThan(p.path("sentence_start").asInt());
    assertThat(r.json().path("geometry").path("coordinates")).hasSize(2);
  }

  @Test
  void theSameArticleTwiceCreatesNothingNew() throws Exception {
    int before = http.get("/api/events").json().path("features").size();
    Http.Response again = http.post("/api/articles", "text/plain", Files.readString(FOUNDING));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
    assertThat(again.json().path("article_id").asLong())
        .isEqualTo(ingested.path("article_id").asLong());
    assertThat(again.json().path("events").path("features")).isEmpty();
    assertThat(http.get("/api/events").json().path("features")).hasSize(before);
  }

  @Test
  void jsonArticlesAreDedupedByUrl() {
    String body =
        "{\"title\":\"Shelling in Homs\",\"body\":\"Shelling hit Homs on Monday.\","
            + "\"url\":\"https://news.example/homs-1\",\"published\":\"2019-08-26\"}";
    Http.Response first = http.post("/api/articles", "application/json", body);
    assertThat(first.status()).isEqualTo(201);
    JsonNode event = first.json().path("events").path("features").get(0).path("properties");
    assertThat(event.path("place_name").asText()).isEqualTo("Homs");
    assertThat(event.path("source_url").asText()).isEqualTo("https://news.example/homs-1");
    assertThat(event.path("article_title").asText()).isEqualTo("Shelling in Homs");
    assertThat(event.path("event_date").asText()).isEqualTo("2019-08-26");
    String edited = body.replace("Monday", "Monday night");
    Http.Response second = http.post("/api/articles", "application/json", edited);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("duplicate").asBoolean()).isTrue();
  }

  @Test
  void eventsFilterByBboxDatetimeAndLimit() {
    JsonNode turkey = http.get("/api/events?bbox=26,36,45,42").json();
    assertThat(turkey.path("features"))
        .isNotEmpty()
        .allSatisfy(
            f -> assertThat(f.path("properties").path("country_code").asText()).isEqualTo("TR"));
    // after 1 September the article reports only the summit planned in Ankara for the 16th
    JsonNode later = http.get("/api/events?datetime=2019-09-01/..").json().path("features");
    assertThat(later).hasSize(1);
    assertThat(later.get(0).path("properties").path("place_name").asText()).isEqualTo("Ankara");
    assertThat(later.get(0).path("properties").path("event_date").asText()).isEqualTo("2019-09-16");
    assertThat(http.get("/api/events?datetime=2019-09-17/..").json().path("features")).isEmpty();
    assertThat(http.get("/api/events?datetime=2019-08-27").json().path("features")).isNotEmpty();
    JsonNode one = http.get("/api/events?limit=1").json();
    assertThat(one.path("features")).hasSize(1);
    assertThat(one.path("numberMatched").asLong()).isGreaterThan(1);
  }

  @Test
  void anArticleCanBeReadBack() {
    long id = ingested.path("article_id").asLong();
    JsonNode a = http.get("/api/articles/" + id).json();
    assertThat(a.path("published").asText()).isEqualTo("2019-08-27");
    assertThat(a.path("body").asText()).startsWith("The presidents of Russia and Turkey");
  }

  static boolean hasEventNear(JsonNode fc, double lat, double lon) {
    for (JsonNode f : fc.path("features")) {
      JsonNode c = f.path("geometry").path("coordinates");
      if (km(lat, lon, c.get(1).asDouble(), c.get(0).asDouble()) <= 25) {
        return true;
      }
    }
    return false;
  }

  static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
