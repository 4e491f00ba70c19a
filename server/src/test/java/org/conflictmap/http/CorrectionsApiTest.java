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

/**
 * The event contract over HTTP: merged sources and corroboration, editors' corrections and
 * deletions (token required), their history, and re-ingests that never undo them.
 */
class CorrectionsApiTest {
  private static final String TOKEN = "editor-secret";
  private static final Map<String, String> EDITOR =
      Map.of("Authorization", "Bearer " + TOKEN, "X-Editor", "Rana");

  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(data)
                .withSample(false)
                .withEditorToken(TOKEN));
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonNode ingest(String url, String body, String published, boolean replace) {
    String json =
        Http.JSON
            .createObjectNode()
            .put("title", "Report " + url)
            .put("body", body)
            .put("url", url)
            .put("published", published)
            .toString();
    Http.Response r =
        replace
            ? http.request("POST", "/api/articles?replace=true", EDITOR, "application/json", json)
            : http.as(TOKEN).post("/api/articles", "application/json", json);
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return r.json();
  }

  /** The one event an article about {@code town} reports. */
  private static JsonNode onlyEvent(JsonNode ingested) {
    JsonNode features = ingested.path("events").path("features");
    assertThat(features).as(ingested.toString()).hasSize(1);
    return features.get(0);
  }

  private static Http.Response patch(long id, Map<String, String> headers, String body) {
    return http.request("PATCH", "/api/events/" + id, headers, "application/json", body);
  }

  private static JsonNode event(long id) {
    Http.Response r = http.get("/api/events/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("properties");
  }

  private static List<String> historyFields(long id) {
    List<String> out = new ArrayList<>();
    http.get("/api/events/" + id + "/history")
        .json()
        .path("corrections")
        .forEach(c -> out.add(c.path("field").asText()));
    return out;
  }

  @Test
  void twoArticlesOnOneEventGiveOneEventWithBothSources() {
    JsonNode a =
        onlyEvent(
            ingest(
                "https://one.example/hama", "Shelling hit Hama on Monday.", "2019-08-26", false));
    JsonNode b =
        onlyEvent(
            ingest(
                "https://two.example/hama",
                "Residents said artillery shelling struck Hama on Monday.",
                "2019-08-26",
                false));
    assertThat(b.path("id").asLong()).isEqualTo(a.path("id").asLong());
    JsonNode p = event(a.path("id").asLong());
    assertThat(p.path("corroboration").asInt()).isEqualTo(2);
    // names outside ASCII survive (GeoJSON responses say they are UTF-8)
    String hama =
        http.get("/api/geocode?q=Hama&limit=1").json().path("results").get(0).path("name").asText();
    assertThat(hama).isNotEqualTo("Hama").doesNotContain("?");
    assertThat(p.path("place_name").asText()).isEqualTo(hama);
    assertThat(p.path("sources")).hasSize(2);
    assertThat(p.path("sources").findValuesAsText("source_url"))
        .containsExactly("https://one.example/hama", "https://two.example/hama");
    assertThat(p.path("sources").get(1).path("sentence").asText()).contains("artillery shelling");
    assertThat(p.path("sources").get(0).path("article_id").asLong())
        .isEqualTo(p.path("article_id").asLong());

    // the list carries every contract field
    JsonNode listed = null;
    for (JsonNode f : http.get("/api/events").json().path("features")) {
      if (f.path("id").asLong() == a.path("id").asLong()) listed = f.path("properties");
    }
    assertThat(listed).isNotNull();
    for (String field :
        List.of(
            "event_date",
            "event_date_end",
            "time_precision",
            "geo_precision",
            "event_type",
            "sub_event_type",
            "fatalities",
            "injuries",
            "planned",
            "actors",
            "sources",
            "corroboration")) {
      assertThat(listed.has(field)).as(field).isTrue();
    }
    assertThat(listed.path("injuries").isNull()).as("not stated is null, not 0").isTrue();
    assertThat(listed.path("planned").isBoolean()).isTrue();
    assertThat(listed.path("actors").isArray()).isTrue();
    assertThat(listed.path("corroboration").asInt()).isEqualTo(2);
  }

  @Test
  void anEditorCorrectsAnEventAndTheHistorySaysWhoWhenAndWhat() {
    long id =
        onlyEvent(
                ingest(
                    "https://one.example/homs",
                    "Shelling hit Homs on Monday.",
                    "2019-08-26",
                    false))
            .path("id")
            .asLong();
    Http.Response r =
        patch(
            id,
            EDITOR,
            "{\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Air/drone strike\","
                + "\"fatalities\":12,\"injuries\":0,\"event_date\":\"2019-08-25\","
                + "\"event_date_end\":\"2019-08-26\",\"time_precision\":2}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode p = r.json().path("properties");
    assertThat(p.path("sub_event_type").asText()).isEqualTo("Air/drone strike");
    assertThat(p.path("fatalities").asInt()).isEqualTo(12);
    assertThat(p.path("injuries").isInt()).as("0 is a figure").isTrue();
    assertThat(p.path("injuries").asInt()).isZero();
    assertThat(p.path("event_date").asText()).isEqualTo("2019-08-25");
    assertThat(p.path("event_date_end").asText()).isEqualTo("2019-08-26");
    assertThat(event(id)).isEqualTo(p);

    JsonNode history = http.get("/api/events/" + id + "/history").json().path("corrections");
    assertThat(history).isNotEmpty();
    for (JsonNode c : history) {
      assertThat(c.path("editor").asText()).isEqualTo("Rana");
      assertThat(c.path("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }
    assertThat(historyFields(id))
        .containsExactlyInAnyOrder(
            "sub_event_type",
            "fatalities",
            "injuries",
            "event_date",
            "event_date_end",
            "time_precision");
    JsonNode fatalities = null;
    for (JsonNode c : history) if (c.path("field").asText().equals("fatalities")) fatalities = c;
    assertThat(fatalities.path("old").isNull()).isTrue();
    assertThat(fatalities.path("new").asText()).isEqualTo("12");
  }

  @Test
  void aCorrectionSurvivesReIngestingTheArticle() {
    String url = "https://one.example/deir";
    long id =
        onlyEvent(ingest(url, "Shelling hit Deir ez-Zor on Monday.", "2019-08-26", false))
            .path("id")
            .asLong();
    assertThat(patch(id, EDITOR, "{\"fatalities\":3,\"lat\":35.34,\"lon\":40.15}").status())
        .isEqualTo(200);

    JsonNode again =
        ingest(url, "Shelling hit Deir ez-Zor on Monday, residents said.", "2019-08-26", true);
    assertThat(again.path("replaced").asBoolean()).isTrue();
    assertThat(onlyEvent(again).path("id").asLong()).isEqualTo(id);
    JsonNode p = event(id);
    assertThat(p.path("fatalities").asInt()).isEqualTo(3);
    JsonNode coords = http.get("/api/events/" + id).json().path("geometry").path("coordinates");
    assertThat(coords.get(0).asDouble()).isEqualTo(40.15);
    assertThat(coords.get(1).asDouble()).isEqualTo(35.34);
    assertThat(p.path("sources").get(0).path("sentence").asText()).contains("residents said");
    // replacing an article is an edit: without the token it is refused
    assertThat(
            http.post(
                    "/api/articles?replace=true",
                    "application/json",
                    Http.JSON
                        .createObjectNode()
                        .put("body", "Nothing happened in Deir ez-Zor on Monday.")
                        .put("url", url)
                        .put("published", "2019-08-26")
                        .toString())
                .status())
        .isEqualTo(401);
    // and without replace=true an edited text under a known url changes nothing
    JsonNode plain = ingest(url, "Something else entirely about Deir ez-Zor.", "2019-08-26", false);
    assertThat(plain.path("duplicate").asBoolean()).isTrue();
  }

  @Test
  void aDeletedEventStaysDeleted() {
    String url = "https://one.example/raqqa";
    long id =
        onlyEvent(ingest(url, "Shelling hit Raqqa on Monday.", "2019-08-26", false))
            .path("id")
            .asLong();
    assertThat(http.request("DELETE", "/api/events/" + id, Map.of(), null, null).status())
        .as("no token")
        .isEqualTo(401);
    assertThat(http.request("DELETE", "/api/events/" + id, EDITOR, null, null).status())
        .isEqualTo(204);
    assertThat(http.get("/api/events/" + id).status()).isEqualTo(404);
    assertThat(http.request("DELETE", "/api/events/" + id, EDITOR, null, null).status())
        .isEqualTo(404);

    JsonNode again =
        ingest(url, "Shelling hit Raqqa on Monday, a monitor said.", "2019-08-26", true);
    assertThat(again.path("events").path("features")).isEmpty();
    ingest("https://two.example/raqqa", "Shelling hit Raqqa on Monday.", "2019-08-26", false);
    assertThat(http.get("/api/events/" + id).status()).isEqualTo(404);
    for (JsonNode f : http.get("/api/events").json().path("features")) {
      assertThat(f.path("properties").path("place_name").asText()).isNotEqualTo("Raqqa");
    }
    JsonNode history = http.get("/api/events/" + id + "/history").json().path("corrections");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("field").asText()).isEqualTo("deleted");
    assertThat(history.get(0).path("editor").asText()).isEqualTo("Rana");
  }

  @Test
  void withoutTheTokenAnEditIsRefusedAndChangesNothing() {
    long id =
        onlyEvent(
                ingest(
                    "https://one.example/latakia",
                    "Shelling hit Latakia on Monday.",
                    "2019-08-26",
                    false))
            .path("id")
            .asLong();
    JsonNode before = event(id);
    Http.Response r = patch(id, Map.of("X-Editor", "Mallory"), "{\"fatalities\":100}");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    Http.Response wrong = patch(id, Map.of("Authorization", "Bearer nope"), "{\"fatalities\":100}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(event(id)).isEqualTo(before);
    assertThat(historyFields(id)).isEmpty();
  }

  @Test
  void badCorrectionsAreProblemsAndChangeNothing() {
    long id =
        onlyEvent(
                ingest(
                    "https://one.example/tartus",
                    "Shelling hit Tartus on Monday.",
                    "2019-08-26",
                    false))
            .path("id")
            .asLong();
    JsonNode before = event(id);
    Object[][] cases = {
      {"{\"fatalaties\":3}", 400, "Unknown field"},
      {"{\"lat\":95}", 422, "lat"},
      {"{\"lon\":-181.5}", 422, "lon"},
      {"{\"lat\":\"35\"}", 400, "lat"},
      {"{\"fatalities\":-1}", 422, "fatalities"},
      {"{\"injuries\":2.5}", 400, "injuries"},
      {"{\"fatalities\":\"ten\"}", 400, "fatalities"},
      {"{\"event_date\":\"2019-02-30\"}", 422, "calendar"},
      {"{\"event_date\":\"27/08/2019\"}", 422, "ISO"},
      {"{\"event_date\":\"2999-01-01\"}", 422, "after today"},
      {"{\"event_date_end\":\"2019-08-01\"}", 422, "before"},
      {"{\"event_type\":\"War\"}", 422, "ACLED"},
      {"{\"sub_event_type\":\"Armed clash\"}", 422, "Battles"},
      {"{\"sub_event_type\":\"Skirmish\"}", 422, "ACLED"},
      {"{\"place_key\":\"nowhere-123\"}", 422, "gazetteer"},
      {"{\"planned\":\"yes\"}", 400, "planned"},
      {"{\"geo_precision\":4}", 422, "geo_precision"},
      {"{}", 400, "no field"},
      {"[1,2]", 400, "JSON object"},
      {"{\"fatalities\":", 400, "JSON"},
      {"{\"fatalities\":1, \"lat\":95}", 422, "lat"},
    };
    for (Object[] c : cases) {
      Http.Response r = patch(id, EDITOR, (String) c[0]);
      assertThat(r.status()).as("%s → %s", c[0], r.body()).isEqualTo(c[1]);
      assertThat(r.contentType()).as((String) c[0]).startsWith("application/problem+json");
      assertThat(r.json().path("detail").asText() + r.json().path("title").asText())
          .as((String) c[0])
          .contains((String) c[2]);
    }
    Http.Response text = http.request("PATCH", "/api/events/" + id, EDITOR, "text/plain", "x");
    assertThat(text.status()).isEqualTo(415);
    assertThat(patch(987654, EDITOR, "{\"fatalities\":1}").status()).isEqualTo(404);
    assertThat(event(id)).isEqualTo(before);
    assertThat(historyFields(id)).isEmpty();
  }

  @Test
  void onlyAPlannedEventMayLieAhead() {
    long id =
        onlyEvent(
                ingest(
                    "https://one.example/ankara",
                    "Talks were held in Ankara on Monday.",
                    "2019-08-26",
                    false))
            .path("id")
            .asLong();
    String ahead = java.time.LocalDate.now().plusMonths(2).toString();
    assertThat(patch(id, EDITOR, "{\"event_date\":\"" + ahead + "\"}").status()).isEqualTo(422);
    Http.Response r = patch(id, EDITOR, "{\"planned\":true,\"event_date\":\"" + ahead + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("properties").path("planned").asBoolean()).isTrue();
    assertThat(r.json().path("properties").path("event_date").asText()).isEqualTo(ahead);
  }

  @Test
  void anEventMovesToAnotherGazetteerPlace() {
    long id =
        onlyEvent(
                ingest(
                    "https://one.example/daraa",
                    "Shelling hit Daraa on Monday.",
                    "2019-08-26",
                    false))
            .path("id")
            .asLong();
    String aleppo =
        http.get("/api/geocode?q=Aleppo&limit=1")
            .json()
            .path("results")
            .get(0)
            .path("place_key")
            .asText();
    Http.Response r = patch(id, EDITOR, "{\"place_key\":\"" + aleppo + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("properties").path("place_name").asText()).isEqualTo("Aleppo");
    JsonNode c = r.json().path("geometry").path("coordinates");
    assertThat(c.get(1).asDouble()).isCloseTo(36.2, org.assertj.core.data.Offset.offset(0.1));
    assertThat(historyFields(id)).contains("place_key", "lat", "lon");
  }

  @Test
  void regionsHaveAnApproximateOutline() {
    String idlib = null;
    for (JsonNode p : http.get("/api/geocode?q=Idlib&limit=10").json().path("results")) {
      if (p.path("place_key").asText().startsWith("admin1:")) idlib = p.path("place_key").asText();
    }
    assertThat(idlib).as("the Idlib region is in the gazetteer").isNotNull();
    Http.Response r = http.get("/api/places/" + idlib + "/outline");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/geo+json");
    JsonNode f = r.json();
    assertThat(f.path("properties").path("approximate").asBoolean()).isTrue();
    assertThat(f.path("geometry").path("type").asText()).isEqualTo("Polygon");
    // Idlib city (36.63 E, 35.93 N) lies inside; Damascus (36.29 E, 33.51 N) does not
    double[][] ring = ring(f.path("geometry").path("coordinates").get(0));
    assertThat(inside(ring, 36.63, 35.93)).isTrue();
    assertThat(inside(ring, 36.29, 33.51)).isFalse();

    assertThat(http.get("/api/places/admin1:XX.99/outline").status()).isEqualTo(404);
    String town =
        http.get("/api/geocode?q=Homs&limit=1")
            .json()
            .path("results")
            .get(0)
            .path("place_key")
            .asText();
    assertThat(http.get("/api/places/" + town + "/outline").status()).isEqualTo(404);
  }

  private static double[][] ring(JsonNode coords) {
    double[][] out = new double[coords.size()][];
    for (int i = 0; i < coords.size(); i++) {
      out[i] = new double[] {coords.get(i).get(0).asDouble(), coords.get(i).get(1).asDouble()};
    }
    return out;
  }

  /** Ray casting: is (x, y) inside the ring? */
  private static boolean inside(double[][] ring, double x, double y) {
    boolean in = false;
    for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      if ((ring[i][1] > y) != (ring[j][1] > y)
          && x
              < (ring[j][0] - ring[i][0]) * (y - ring[i][1]) / (ring[j][1] - ring[i][1])
                  + ring[i][0]) {
        in = !in;
      }
    }
    return in;
  }
}
