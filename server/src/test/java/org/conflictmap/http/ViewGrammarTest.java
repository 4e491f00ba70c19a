package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One view grammar (issue 16): the same value of a parameter gets the same verdict, status and
 * problem detail on every endpoint that takes it — the API, its clusters and histogram, a zone's
 * events, exports, previews, oEmbed and OGC items (which answer 400 for every refusal, as their
 * standard requires, with the same detail). Real server on port 0, sample store.
 */
class ViewGrammarTest {
  @TempDir static Path data;
  static App app;
  static Http http;
  static long zone;

  /** Every endpoint that selects events by the filters of /api/events. */
  static List<String> filterEndpoints() {
    return List.of(
        "/api/events",
        "/api/events/clusters?zoom=3",
        "/api/events/histogram",
        "/api/export?format=csv",
        "/api/export?format=geojson",
        "/preview.png");
  }

  static final String OGC = "/ogc/collections/events/items";

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app);
    Http.Response r = http.post("/api/zones", "application/json", ZonesApiTest.SQUARE);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    zone = r.json().path("id").asLong();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /**
   * What an endpoint says to one parameter: 200 and its type, or the problem's status and words.
   */
  record Verdict(int status, String title, String detail) {}

  private static Verdict verdict(String endpoint, String param) {
    String path = endpoint + (endpoint.contains("?") ? "&" : "?") + param;
    Http.Response r = http.get(path);
    if (r.status() == 200) {
      assertThat(r.contentType())
          .as(path)
          .matches(
              t ->
                  t.startsWith("application/geo+json")
                      || t.startsWith("application/json")
                      || t.startsWith("text/csv")
                      || t.startsWith("image/png")
                      || t.startsWith("text/html"));
      return new Verdict(200, null, null);
    }
    assertThat(r.contentType()).as(path + ": " + r.body()).startsWith("application/problem+json");
    assertThat(r.body()).as(path).doesNotContain("Exception").doesNotContain("at org.");
    JsonNode p = r.json();
    assertThat(p.path("status").asInt()).as(path).isEqualTo(r.status());
    return new Verdict(r.status(), p.path("title").asText(), p.path("detail").asText());
  }

  /**
   * Asserts that every endpoint answers {@code param} with {@code status} and, when refused, the
   * same title and detail; returns that detail.
   */
  private static String same(String param, int status, List<String> endpoints) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (String e : endpoints) {
      verdicts.put(e, verdict(e, param));
    }
    Verdict first = verdicts.values().iterator().next();
    assertThat(first.status()).as(param + " on " + verdicts).isEqualTo(status);
    verdicts.forEach((e, v) -> assertThat(v).as(param + " on " + e).isEqualTo(first));
    return first.detail();
  }

  /** The same on the filter endpoints, a zone's events, and OGC items (400 there, same detail). */
  private static String everywhere(String param, int status, boolean ogc) {
    List<String> endpoints = new ArrayList<>(filterEndpoints());
    endpoints.add("/api/zones/" + zone + "/events");
    String detail = same(param, status, endpoints);
    if (ogc) {
      Verdict v = verdict(OGC, param);
      if (status == 200) {
        assertThat(v.status()).as("OGC " + param).isEqualTo(200);
      } else {
        assertThat(v)
            .as("OGC " + param)
            .isEqualTo(new Verdict(400, verdict("/api/events", param).title(), detail));
      }
    }
    return detail;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void badBoxesAreRefusedAlikeEverywhere() {
    assertThat(everywhere("bbox=1,2,3,4,", 400, true)).contains("four numbers");
    assertThat(everywhere("bbox=1,2,,4", 400, true)).contains("not a decimal number");
    assertThat(everywhere("bbox=NaN,0,1,1", 400, true)).contains("'NaN'");
    assertThat(everywhere("bbox=1e999,0,1,1", 400, true)).contains("'1e999'");
    assertThat(everywhere("bbox=" + enc("٣٠,30,40,40"), 400, true)).contains("ASCII digits");
    // minLat north of maxLat: the order is wrong, whatever the endpoint
    assertThat(everywhere("bbox=10,20,20,10", 400, true)).contains("swap them");
    // longitudes beyond ±180 are refused, not folded: the box is written across the antimeridian
    assertThat(everywhere("bbox=190,0,200,10", 422, true)).contains("antimeridian");
    everywhere("bbox=-200,0,-170,10", 422, true);
    everywhere("bbox=0,-95,1,1", 422, true);
    same("bbox=1,2,3,4,", 400, List.of("/api/places/labels", "/api/events"));
  }

  @Test
  void goodBoxesIncludingOnesAcrossTheAntimeridianAreServedEverywhere() {
    everywhere("bbox=35,35,38,37", 200, true);
    everywhere("bbox=170,-60,-170,60", 200, true);
    everywhere("bbox=35,35,0,38,37,100", 200, true);
    same("bbox=170,-60,-170,60", 200, List.of("/api/places/labels", "/api/events"));
    // what the box selects is the same: the sample's Syrian events, and nothing in the Pacific
    assertThat(http.get("/api/events?bbox=35,35,38,37").json().path("numberMatched").asInt())
        .isEqualTo(http.get(OGC + "?bbox=35,35,38,37").json().path("numberMatched").asInt())
        .isPositive();
    assertThat(http.get("/api/events?bbox=170,-60,-170,60").json().path("features")).isEmpty();
    assertThat(http.get(OGC + "?bbox=170,-60,-170,60").json().path("numberMatched").asInt())
        .isZero();
  }

  @Test
  void datesAndIntervalsAreReadAlikeEverywhere() {
    List<String> dated = new ArrayList<>(filterEndpoints());
    dated.add("/api/zones/" + zone + "/events");
    dated.add("/api/zones/" + zone + "/stats");
    dated.add("/api/zones/density");
    for (String good :
        List.of(
            "../2020-01-01",
            "2019-01-01/..",
            "/2020-01-01",
            "2019-08-27",
            "2019-08-27T10:00:00Z/2019-08-28T00:00:00%2B03:00")) {
      same("datetime=" + good, 200, dated);
      assertThat(verdict(OGC, "datetime=" + good).status()).as(good).isEqualTo(200);
    }
    assertThat(everywhere("datetime=2019-02-30", 422, true)).contains("not a calendar date");
    assertThat(everywhere("datetime=2019-08-31/2019-08-01", 422, true))
        .contains("before it starts");
    everywhere("datetime=yesterday", 422, true);
    everywhere("datetime=" + enc("٢٠١٩-08-27"), 422, true);
    assertThat(everywhere("datetime=2019-08-27T25:00:00Z", 422, true)).contains("RFC 3339");
    everywhere("datetime=2019-08-27Tnoon", 422, true);
    everywhere("datetime=2019-01-01/2019-02-01/2019-03-01", 400, true);
    same("datetime=2019-02-30", 422, dated);
    // an open interval selects what it says: nothing in the sample is dated before 2019
    assertThat(http.get("/api/events?datetime=../2018-12-31").json().path("features")).isEmpty();
    assertThat(http.get(OGC + "?datetime=../2018-12-31").json().path("numberMatched").asInt())
        .isZero();
  }

  @Test
  void everyFilterOfTheMapIsTakenWhereverEventsAreChosen() {
    // the Share dialog's preview link carries these: /preview.png used to refuse them with 400
    for (String good :
        List.of(
            "country=SY,tr",
            "actor=police",
            "precision=1,2",
            "min_fatalities=1",
            "min_confidence=0.5",
            "type=battles,Protests",
            "q=Idlib",
            "zone=" + zone,
            "layers=events,heat")) {
      same(good, 200, List.of("/preview.png", "/"));
      if (!good.startsWith("layers")) {
        same(good, 200, filterEndpoints());
      }
    }
    same(
        "country=SY&type=Battles&min_fatalities=1&precision=1&actor=x&min_confidence=0.5",
        200,
        filterEndpoints());
  }

  @Test
  void badFilterValuesAreRefusedAlikeEverywhere() {
    assertThat(everywhere("country=Syria", 400, false)).contains("ISO 3166-1");
    assertThat(everywhere("country=SY,", 400, false)).contains("without empty items");
    assertThat(everywhere("type=Battles,", 400, false)).contains("without empty items");
    assertThat(everywhere("type=Parades", 422, false)).contains("Parades");
    everywhere("precision=4", 400, false);
    assertThat(everywhere("min_fatalities=-1", 422, false)).contains("between 0 and");
    everywhere("min_fatalities=" + enc("١"), 400, false);
    everywhere("min_fatalities=1e3", 400, false);
    for (String bad : List.of("2", "NaN", "1e-1", ".5", enc("٠.٥"))) {
      assertThat(everywhere("min_confidence=" + bad, 400, false)).contains("0 to 1");
    }
    everywhere("q=%20", 400, false);
    everywhere("q=" + "x".repeat(201), 400, false);
    everywhere("actor=" + "x".repeat(201), 400, false);
    // a zone's own list takes no other zone; everywhere else a zone is a positive id that exists
    List<String> zoned = filterEndpoints();
    same("zone=abc", 400, zoned);
    same("zone=0", 400, zoned);
    same("zone=" + enc("٣"), 400, zoned);
    assertThat(same("zone=987654", 404, zoned)).contains("987654");
    same("type=Battles&type=Riots", 400, zoned);
  }

  @Test
  void unknownParametersAreNamedEverywhere() {
    List<String> all = new ArrayList<>(filterEndpoints());
    all.add("/api/zones/" + zone + "/events");
    all.add("/api/zones/" + zone + "/stats");
    all.add("/api/zones/density");
    all.add("/api/places/labels");
    all.add(OGC);
    for (String e : all) {
      Verdict v = verdict(e, "colour=red");
      assertThat(v.status()).as(e).isEqualTo(400);
      assertThat(v.title()).as(e).isEqualTo("Unknown parameter");
      assertThat(v.detail()).as(e).startsWith("unknown query parameter(s) [colour]; this endpoint");
    }
  }

  @Test
  void limitsOverTheMaximumAreRefusedByTheApiAndServedAsTheMaximumByOgc() {
    List<String> paged = List.of("/api/events", "/api/zones/" + zone + "/events");
    assertThat(same("limit=10001", 400, paged)).contains("at most 10000");
    same("limit=0", 422, paged);
    same("limit=" + enc("٥"), 400, paged);
    same("limit=ten", 400, paged);
    same("limit=10000", 200, paged);
    // OGC API Features 17-069r4 7.15.2: a limit over the maximum is no error; the maximum serves
    Http.Response ogc = http.get(OGC + "?limit=10001&bbox=35,35,38,37");
    assertThat(ogc.status()).isEqualTo(200);
    assertThat(ogc.json().path("numberReturned").asInt())
        .isEqualTo(ogc.json().path("numberMatched").asInt());
    assertThat(verdict(OGC, "limit=0"))
        .isEqualTo(new Verdict(400, "Invalid limit", verdict("/api/events", "limit=0").detail()));
    // the map's own endpoints that take no limit say so
    assertThat(verdict("/preview.png", "limit=5").title()).isEqualTo("Unknown parameter");
  }

  @Test
  void theViewParametersOfPreviewsAndEmbedsAgree() {
    // the map's frame: center and zoom, decimal, bounded; the same on the preview and oEmbed
    for (String bad : List.of("center=36,35&zoom=19", "center=36,95&zoom=5", "center=36,35")) {
      Verdict preview = verdict("/preview.png", bad);
      Verdict oembed =
          verdict("/oembed", "url=" + enc("http://127.0.0.1:" + app.port() + "/?" + bad));
      assertThat(oembed).as(bad).isEqualTo(preview);
      assertThat(preview.status()).as(bad).isBetween(400, 422);
    }
    same("center=36.6,35.9&zoom=7.5", 200, List.of("/preview.png", "/"));
    // zoom out of range is 422 whatever reads it: the view, the labels, the clusters' grid
    assertThat(verdict("/preview.png", "center=36,35&zoom=19").status()).isEqualTo(422);
    assertThat(verdict("/api/places/labels", "zoom=19").status()).isEqualTo(422);
    assertThat(verdict("/api/events/histogram", "zoom=3").title()).isEqualTo("Unknown parameter");
    assertThat(http.get("/api/events/clusters?zoom=21").status()).isEqualTo(422);
    same("zoom=1e1", 400, List.of("/api/places/labels", "/api/events/clusters"));
  }

  @Test
  void aViewCardOfALinkThatCannotBeReadIsThePlainCard() {
    assertThat(cardTitle("")).isEqualTo("conflictmap");
    assertThat(cardTitle("bbox=1,2,3,4,")).isEqualTo("conflictmap");
    assertThat(cardTitle("type=Battles,")).isEqualTo("conflictmap");
    assertThat(cardTitle("type=Battles&country=SY&min_fatalities=1")).startsWith("Battles");
    assertThat(cardTitle("bbox=170,-60,-170,60")).isNotEqualTo("conflictmap");
  }

  private static String cardTitle(String query) {
    Http.Response r = http.get("/" + (query.isEmpty() ? "" : "?" + query));
    assertThat(r.status()).as(query).isEqualTo(200);
    Element meta = Jsoup.parse(r.body()).selectFirst("meta[property=og:title]");
    assertThat(meta).as(query).isNotNull();
    return meta.attr("content");
  }
}
