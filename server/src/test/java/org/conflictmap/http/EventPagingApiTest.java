package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.events.Actor;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.sample.EventGenerator;
import org.conflictmap.store.BulkEvents;
import org.conflictmap.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/events} over a generated store of 3,000 events plus two on either side of the
 * antimeridian: keyset paging, the new filters, a box across 180°, refusals, and the time limit.
 * Every expectation is computed in Java from the whole store read in one request (the oracle).
 */
class EventPagingApiTest {
  @TempDir static Path data;
  static App app;
  static Http http;
  static List<JsonNode> all;
  static java.util.Map<Long, double[]> points = new java.util.HashMap<>();

  @BeforeAll
  static void start() {
    try (Database db = Database.embedded(data)) {
      BulkEvents bulk = new BulkEvents(db);
      new EventGenerator(Gazetteer.loadDefault(), 5, "paging").generate(3_000, bulk::write);
      bulk.write(antimeridian());
    }
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
    http = new Http(app.port());
    Http.Response r = http.get("/api/events?limit=10000");
    assertThat(r.status()).isEqualTo(200);
    all = new ArrayList<>();
    r.json().path("features").forEach(all::add);
    for (JsonNode f : all) {
      JsonNode c = f.path("geometry").path("coordinates");
      points.put(f.path("id").asLong(), new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
    }
    assertThat(all).hasSize(3_002);
    assertThat(r.json().path("numberMatched").asLong()).isEqualTo(3_002);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Suva (Fiji, 178.4° E) is in the generated store's towns; these two sit right at ±179.9°. */
  private static BulkEvents.Batch antimeridian() {
    List<BulkEvents.ArticleRow> articles = new ArrayList<>();
    List<List<BulkEvents.Report>> events = new ArrayList<>();
    double[] lons = {179.9, -179.9};
    for (int i = 0; i < lons.length; i++) {
      String sentence = "Fighting was reported on the date line (" + i + ").";
      articles.add(
          new BulkEvents.ArticleRow(
              new NewArticle(
                  "Date line " + i,
                  sentence,
                  "https://example.org/dateline/" + i,
                  LocalDate.of(2021, 5, 2)),
              ArticleText.fingerprint(sentence)));
      NewEvent e =
          new NewEvent(
              LocalDate.of(2021, 5, 1),
              "Battles",
              "Armed clash",
              1,
              1,
              2,
              sentence,
              "dateline-" + i,
              null,
              "Date line " + i,
              "FJ",
              "town",
              -16.5,
              lons[i],
              sentence,
              0,
              sentence.length(),
              null,
              null,
              false,
              List.of(new Actor("Dateline Militia", null)),
              0.8,
              null);
      events.add(List.of(new BulkEvents.Report(i, e)));
    }
    return new BulkEvents.Batch(articles, events);
  }

  private static Set<Long> expected(Predicate<JsonNode> p) {
    Set<Long> out = new HashSet<>();
    for (JsonNode f : all) {
      if (p.test(f.path("properties"))) {
        out.add(f.path("id").asLong());
      }
    }
    return out;
  }

  /** Follows next links from the first page, checking order and that no event comes twice. */
  private static List<Long> pages(String query, int limit) {
    List<Long> ids = new ArrayList<>();
    String path = "/api/events?" + query + (query.isEmpty() ? "" : "&") + "limit=" + limit;
    String lastKey = null;
    int pages = 0;
    while (path != null) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
      JsonNode body = r.json();
      assertThat(body.path("features").size()).isLessThanOrEqualTo(limit);
      for (JsonNode f : body.path("features")) {
        String key =
            f.path("properties").path("event_date").asText()
                + String.format("%012d", f.path("id").asLong());
        if (lastKey != null) {
          assertThat(key).as("newest first, then highest id").isLessThan(lastKey);
        }
        lastKey = key;
        ids.add(f.path("id").asLong());
      }
      path = null;
      for (JsonNode link : body.path("links")) {
        if (link.path("rel").asText().equals("next")) {
          path = link.path("href").asText();
          assertThat(body.path("features").size()).isEqualTo(limit);
        }
      }
      assertThat(++pages).isLessThan(1_000);
    }
    return ids;
  }

  @Test
  void pagingReturnsEveryEventExactlyOnce() {
    List<Long> ids = pages("", 250);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(expected(p -> true));
  }

  @Test
  void pagingUnderFiltersReturnsEveryMatchExactlyOnce() {
    List<Long> ids = pages("bbox=-20,-40,60,60&type=Battles,Protests&datetime=2019-01-01/..", 37);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids))
        .isNotEmpty()
        .isEqualTo(
            expected(
                p -> {
                  JsonNode f = p;
                  double lon = lon(f);
                  double lat = lat(f);
                  String type = f.path("event_type").asText();
                  return lon >= -20
                      && lon <= 60
                      && lat >= -40
                      && lat <= 60
                      && (type.equals("Battles") || type.equals("Protests"))
                      && f.path("event_date").asText().compareTo("2019-01-01") >= 0;
                }));
  }

  private static double lon(JsonNode props) {
    return lonLat(props)[0];
  }

  private static double lat(JsonNode props) {
    return lonLat(props)[1];
  }

  private static double[] lonLat(JsonNode props) {
    return points.get(props.path("id").asLong());
  }

  @Test
  void aBoxAcrossTheAntimeridianHoldsBothSides() {
    Set<Long> across = new HashSet<>(pages("bbox=170,-60,-170,60", 1000));
    Set<Long> expected = expected(p -> (lon(p) >= 170 || lon(p) <= -170) && Math.abs(lat(p)) <= 60);
    assertThat(across).isEqualTo(expected);
    assertThat(across.size()).isGreaterThanOrEqualTo(2);
    Set<String> names = new HashSet<>();
    for (JsonNode f : http.get("/api/events?bbox=170,-60,-170,60").json().path("features")) {
      names.add(f.path("properties").path("place_name").asText());
    }
    assertThat(names).contains("Date line 0", "Date line 1");
    // the ordinary box between them holds neither
    assertThat(http.get("/api/events?bbox=-170,-60,170,60").body()).doesNotContain("Date line");
  }

  @Test
  void countryActorPrecisionAndFatalitiesFilter() {
    assertThat(new HashSet<>(pages("country=sy,TR", 1000)))
        .isNotEmpty()
        .isEqualTo(expected(p -> Set.of("SY", "TR").contains(p.path("country_code").asText())));
    assertThat(new HashSet<>(pages("precision=1,2", 1000)))
        .isEqualTo(expected(p -> p.path("geo_precision").asInt() <= 2));
    assertThat(new HashSet<>(pages("min_fatalities=3", 1000)))
        .isNotEmpty()
        .isEqualTo(
            expected(p -> !p.path("fatalities").isNull() && p.path("fatalities").asInt() >= 3));
    assertThat(new HashSet<>(pages("actor=POLICE%20forces", 1000)))
        .isNotEmpty()
        .isEqualTo(expected(p -> actorNamed(p, "police forces")));
    // a substring of the JSON around the names is no actor's name
    assertThat(http.get("/api/events?actor=country_code").json().path("features").size()).isZero();
    assertThat(http.get("/api/events?actor=Dateline%20Mil").json().path("features").size())
        .isEqualTo(2);
  }

  private static boolean actorNamed(JsonNode props, String part) {
    for (JsonNode a : props.path("actor_details")) {
      if (a.path("name").asText().toLowerCase(java.util.Locale.ROOT).contains(part)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void openIntervalsOnEitherSide() {
    assertThat(new HashSet<>(pages("datetime=2023-06-01/..", 1000)))
        .isNotEmpty()
        .isEqualTo(expected(p -> p.path("event_date").asText().compareTo("2023-06-01") >= 0));
    assertThat(new HashSet<>(pages("datetime=../2018-03-31", 1000)))
        .isNotEmpty()
        .isEqualTo(expected(p -> p.path("event_date").asText().compareTo("2018-03-31") <= 0));
  }

  @Test
  void numberMatchedIsTheWholeMatchNotThePage() {
    JsonNode page = http.get("/api/events?country=SY,TR&limit=5").json();
    assertThat(page.path("numberReturned").asInt()).isEqualTo(5);
    assertThat(page.path("numberMatched").asLong())
        .isEqualTo(
            expected(p -> Set.of("SY", "TR").contains(p.path("country_code").asText())).size());
  }

  /** A small box is read from the box index, whose page query counts the matches as it sorts. */
  @Test
  void numberMatchedOfASmallBoxIsExactBeyondThePage() {
    JsonNode page =
        http.get("/api/events?bbox=30,25,50,45&datetime=2019-01-01/2023-12-31&limit=5").json();
    Set<Long> inBox =
        expected(
            p ->
                lon(p) >= 30
                    && lon(p) <= 50
                    && lat(p) >= 25
                    && lat(p) <= 45
                    && p.path("event_date").asText().compareTo("2019-01-01") >= 0
                    && p.path("event_date").asText().compareTo("2023-12-31") <= 0);
    assertThat(inBox).hasSizeGreaterThan(5);
    assertThat(page.path("numberReturned").asInt()).isEqualTo(5);
    assertThat(page.path("numberMatched").asLong()).isEqualTo(inBox.size());
    assertThat(page.has("numberMatchedAtLeast")).isFalse();
  }

  @Test
  void clearRefusals() {
    problem(http.get("/api/events?bbox=10,50,20,40"), 400, "minLat");
    problem(http.get("/api/events?limit=10001"), 400, "at most 10000");
    problem(http.get("/api/events?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
    problem(http.get("/api/events?country=Syria"), 400, "ISO");
    problem(http.get("/api/events?precision=4"), 400, "precision");
    problem(http.get("/api/events?min_fatalities=-1"), 422, "min_fatalities");
  }

  private static void problem(Http.Response r, int status, String detailPart) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asText()).contains(detailPart);
  }

  @Test
  void aQueryPastTheTimeLimitIsA503Problem() {
    // the same store, served with a 1 ms limit: a text search reads every row's sentence
    app.close();
    try (App slow =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(data)
                .withSample(false)
                .withQueryTimeout(Duration.ofMillis(1)))) {
      Http.Response r = new Http(slow.port()).get("/api/events?q=no-such-words-anywhere");
      assertThat(r.status()).as(r.body()).isEqualTo(503);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.header("Retry-After")).isNotNull();
      assertThat(r.json().path("detail").asText()).contains("narrow the filter");
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    } finally {
      app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
      http = new Http(app.port());
    }
  }
}
