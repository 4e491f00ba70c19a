package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.sample.EventGenerator;
import org.conflictmap.store.BulkEvents;
import org.conflictmap.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/events} writes each feature as its row is read, without a tree: every feature it
 * sends is byte for byte the one {@code GET /api/events/{id}} builds as a tree (EventJson), for
 * events with several sources, actors, corrections and place confidence, under a zone, a box and a
 * window, and across pages.
 */
class EventStreamApiTest {
  private static final String TOKEN = "stream-editor";
  private static final Map<String, String> EDITOR = Map.of("Authorization", "Bearer " + TOKEN);

  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    // first the sample (into an empty store only): the Idlib zone and events extracted from an
    // article, with place confidence; then generated events, a third with several sources
    Config config =
        Config.defaults().withPort(0).withDataDir(data).withSample(true).withEditorToken(TOKEN);
    App.start(config).close();
    try (Database db = Database.embedded(data)) {
      BulkEvents bulk = new BulkEvents(db);
      new EventGenerator(Gazetteer.loadDefault(), 11, "stream").generate(400, bulk::write);
    }
    app = App.start(config);
    http = new Http(app.port());
    List<Long> ids = ids(http.get("/api/events?limit=10000").json());
    // corrections on two events, and one deleted, which the list must leave out
    patch(
        ids.get(0),
        "{\"fatalities\": 9, \"event_type\": \"Protests\", \"sub_event_type\": \"Peaceful protest\"}");
    patch(ids.get(5), "{\"actors\": [\"Police Forces\", \"Protesters\"]}");
    assertThat(http.request("DELETE", "/api/events/" + ids.get(3), EDITOR, null, null).status())
        .isEqualTo(204);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void patch(long id, String body) {
    Http.Response r = http.request("PATCH", "/api/events/" + id, EDITOR, "application/json", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static List<Long> ids(JsonNode fc) {
    List<Long> out = new ArrayList<>();
    fc.path("features").forEach(f -> out.add(f.path("id").asLong()));
    return out;
  }

  /**
   * The page's body begins with exactly the features the single-event route writes, in the page's
   * order, joined by commas; returns the parsed page.
   */
  private static JsonNode sameBytesAsTheTree(String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    JsonNode page = r.json();
    List<String> features = new ArrayList<>();
    for (long id : ids(page)) {
      Http.Response one = http.get("/api/events/" + id);
      assertThat(one.status()).isEqualTo(200);
      features.add(one.body());
    }
    assertThat(r.body())
        .as(path)
        .startsWith(
            "{\"type\":\"FeatureCollection\",\"features\":["
                + String.join(",", features)
                + "],\"number");
    return page;
  }

  @Test
  void everyFeatureIsTheTreesBytes() {
    JsonNode all = sameBytesAsTheTree("/api/events?limit=10000");
    assertThat(all.path("numberMatched").asInt())
        .isEqualTo(all.path("numberReturned").asInt())
        .isEqualTo(all.path("features").size())
        .isGreaterThan(400);
    // the page holds every kind of content the features can carry
    int multiSource = 0;
    int corrected = 0;
    int placeConfidence = 0;
    int actors = 0;
    for (JsonNode f : all.path("features")) {
      JsonNode p = f.path("properties");
      multiSource += p.path("sources").size() > 1 ? 1 : 0;
      corrected += p.path("corrected").size() > 0 ? 1 : 0;
      placeConfidence += p.path("place_confidence").isNumber() ? 1 : 0;
      actors += p.path("actors").size() > 0 ? 1 : 0;
    }
    assertThat(multiSource).isPositive();
    assertThat(corrected).isEqualTo(2);
    assertThat(placeConfidence).isPositive();
    assertThat(actors).isPositive();
  }

  @Test
  void theSameBytesUnderAZoneABoxAndAWindow() {
    long zone = http.get("/api/zones").json().path("features").get(0).path("id").asLong();
    JsonNode inZone = sameBytesAsTheTree("/api/events?zone=" + zone);
    assertThat(inZone.path("features").size()).isPositive();
    JsonNode box =
        sameBytesAsTheTree("/api/events?bbox=-20,-40,60,60&datetime=2019-01-01/2022-12-31");
    assertThat(box.path("features").size()).isPositive();
  }

  @Test
  void theSameBytesOnEveryPage() {
    String path = "/api/events?limit=60";
    List<Long> seen = new ArrayList<>();
    int pages = 0;
    while (path != null) {
      JsonNode page = sameBytesAsTheTree(path);
      assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size());
      seen.addAll(ids(page));
      JsonNode links = page.path("links");
      path = links.isArray() && links.size() > 0 ? links.get(0).path("href").asText() : null;
      pages++;
    }
    assertThat(pages).isGreaterThan(5);
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsExactlyElementsOf(ids(http.get("/api/events?limit=10000").json()));
  }
}
