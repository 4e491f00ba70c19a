package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.conflictmap.App;
import org.conflictmap.TestTokens;
import org.conflictmap.config.Config;

/**
 * Every query parameter of every read endpoint, fuzzed against the real server on port 0 (jqwik):
 * random and edge-case values, repeated and unknown names, raw {@code %00} and very long targets.
 * Whatever comes in, the answer is never a 5xx, a refusal is an {@code application/problem+json}
 * 4xx without a stack trace, and what the store holds is unchanged.
 */
class QueryParamPropertiesTest {
  /** A read endpoint: a path template ({@code {id}} filled in by the fuzzer) and its parameters. */
  record Endpoint(String template, List<String> params, boolean admin) {}

  static final List<String> VIEW =
      List.of("bbox", "center", "zoom", "datetime", "type", "zone", "q", "layers", "event");

  /** Read from the routes in {@code HttpServer}; a new read endpoint belongs here. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "/api/events", List.of("bbox", "datetime", "limit", "type", "q", "zone"), false),
          new Endpoint("/api/events/{id}", List.of(), false),
          new Endpoint("/api/events/{id}/history", List.of(), false),
          new Endpoint("/api/event-types", List.of(), false),
          new Endpoint("/api/articles/{id}", List.of(), false),
          new Endpoint("/api/me", List.of(), false),
          new Endpoint("/api/audit", List.of("limit", "before"), true),
          new Endpoint("/api/places/{key}/outline", List.of(), false),
          new Endpoint("/api/geocode", List.of("q", "limit"), false),
          new Endpoint("/api/countries", List.of(), false),
          new Endpoint("/api/config", List.of(), false),
          new Endpoint("/api/feeds", List.of(), false),
          new Endpoint("/api/zones", List.of("at"), false),
          new Endpoint("/api/zones/{id}", List.of(), false),
          new Endpoint("/api/zones/export", List.of("format", "at"), false),
          new Endpoint("/api/zones/density", List.of("datetime", "at"), false),
          new Endpoint("/api/zones/{id}/history", List.of(), false),
          new Endpoint("/api/zones/{id}/versions/{version}", List.of(), false),
          new Endpoint(
              "/api/zones/{id}/events", List.of("bbox", "datetime", "limit", "type", "q"), false),
          new Endpoint("/api/zones/{id}/stats", List.of("interval", "datetime"), false),
          new Endpoint("/", VIEW, false),
          new Endpoint("/embed", VIEW, false),
          new Endpoint("/events/{id}", List.of(), false),
          new Endpoint("/events/{id}/preview.png", List.of(), false),
          new Endpoint("/preview.png", VIEW, false),
          new Endpoint("/oembed", List.of("url", "maxwidth", "maxheight", "format"), false));

  static Path data;
  static App app;
  static RawHttp raw;
  static Http http;
  static String admin;
  static String eventsBefore;
  static String zonesBefore;

  @BeforeContainer
  static void start() throws IOException {
    data = Files.createTempDirectory("conflictmap-qfuzz");
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    raw = new RawHttp(app.port());
    http = new Http(app.port());
    admin = TestTokens.admin(app);
    eventsBefore = http.get("/api/events?limit=1000").body();
    zonesBefore = http.get("/api/zones").body();
    assertThat(http.get("/api/events").json().path("features")).as("the sample").isNotEmpty();
  }

  @AfterContainer
  static void stop() throws IOException {
    app.close();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @AfterProperty
  void storeIsUnchanged() {
    assertThat(http.get("/api/events?limit=1000").body()).isEqualTo(eventsBefore);
    assertThat(http.get("/api/zones").body()).isEqualTo(zonesBefore);
  }

  @Property(tries = 600)
  void noReadAnswersA5xxOrAnythingButAProblem(
      @ForAll("requests") Tuple.Tuple2<Endpoint, String> r) {
    check(r.get1(), r.get2(), raw.get(r.get2(), r.get1().admin() ? admin : null));
  }

  @Property(tries = 200)
  void theViewParametersNeverFailOnAnyViewEndpoint(@ForAll("viewQueries") String query) {
    for (String path : new String[] {"/api/events", "/preview.png", "/", "/api/zones/1/events"}) {
      Endpoint e =
          ENDPOINTS.stream()
              .filter(x -> x.template().equals(path))
              .findFirst()
              .orElse(ENDPOINTS.get(0));
      String target = path + "?" + query;
      check(e, target, raw.get(target, null));
    }
    String url = FuzzValues.enc("http://127.0.0.1:" + app.port() + "/?" + query);
    check(
        ENDPOINTS.get(ENDPOINTS.size() - 1),
        "/oembed?url=" + url,
        raw.get("/oembed?url=" + url, null));
  }

  static void check(Endpoint e, String target, RawHttp.Response r) {
    String what =
        RawHttp.abbreviate(target) + " -> " + r.status() + " " + RawHttp.abbreviate(r.body());
    boolean oembedFormat =
        e.template().equals("/oembed")
            && r.status() == 501
            && r.body().contains("Format not implemented");
    if (!oembedFormat) {
      // 501 is oEmbed's own answer for a format other than json (oEmbed 1.0, section 2.3.4)
      assertThat(r.status()).as(what).isLessThan(500);
    }
    assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("at org.");
    if (r.status() >= 400) {
      boolean eventPage = e.template().equals("/events/{id}");
      if (eventPage && r.status() == 404 && r.contentType().startsWith("text/html")) {
        // the event page is for people: its 404 is an HTML page
        assertThat(r.body()).as(what).containsIgnoringCase("<html");
      } else {
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        assertThat(r.body()).as(what).contains("\"status\":" + r.status());
      }
    }
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Endpoint, String>> requests() {
    return Arbitraries.of(ENDPOINTS)
        .flatMap(
            e ->
                Combinators.combine(pathPart(), pathPart(), FuzzValues.query(e.params(), typical()))
                    .as(
                        (id, version, q) -> {
                          String path =
                              e.template()
                                  .replace("{id}", id)
                                  .replace("{key}", id)
                                  .replace("{version}", version);
                          return Tuple.of(e, q.isEmpty() ? path : path + "?" + q);
                        }));
  }

  @Provide
  Arbitrary<String> viewQueries() {
    return FuzzValues.query(VIEW, typical());
  }

  /** An id or key in a path: mostly ones that exist, so the query is read too. */
  static Arbitrary<String> pathPart() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("1", "2", "3", "country:SY", "admin1:SY.09", "sy.idlib")),
        Tuple.of(
            2,
            Arbitraries.of(
                "0",
                "-1",
                "+1",
                "01",
                "١",
                "9223372036854775808",
                "1e3",
                "0x1",
                "%00",
                "%zz",
                "%2F",
                "..",
                "%2E%2E",
                "x".repeat(3000),
                "NaN",
                "%F0%9F%92%A5",
                "1.0",
                "%20")),
        Tuple.of(1, FuzzValues.decoded().map(FuzzValues::enc)));
  }

  static Map<String, Arbitrary<String>> typical() {
    Map<String, Arbitrary<String>> t = new LinkedHashMap<>();
    Arbitrary<String> lon = Arbitraries.doubles().between(-200, 200).ofScale(3).map(d -> trim(d));
    Arbitrary<String> lat = Arbitraries.doubles().between(-100, 100).ofScale(3).map(d -> trim(d));
    t.put(
        "bbox",
        Combinators.combine(lon, lat, lon, lat)
            .as((a, b, c, d) -> a + "," + b + "," + c + "," + d));
    t.put("center", Combinators.combine(lon, lat).as((a, b) -> a + "," + b));
    t.put("zoom", Arbitraries.doubles().between(-2, 25).ofScale(1).map(d -> trim(d)));
    Arbitrary<String> day =
        Combinators.combine(
                Arbitraries.integers().between(1990, 2030),
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32))
            .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    t.put(
        "datetime",
        Arbitraries.frequencyOf(
            Tuple.of(2, day),
            Tuple.of(3, Combinators.combine(day, day).as((a, b) -> a + "/" + b)),
            Tuple.of(1, day.map(d -> d + "/..")),
            Tuple.of(1, day.map(d -> "../" + d))));
    t.put("at", day);
    Arbitrary<String> number = Arbitraries.integers().between(-5, 20_000).map(String::valueOf);
    t.put("limit", number);
    t.put("before", number);
    t.put("maxwidth", number);
    t.put("maxheight", number);
    t.put("zone", Arbitraries.integers().between(-1, 4).map(String::valueOf));
    t.put("event", Arbitraries.integers().between(-1, 6).map(String::valueOf));
    t.put(
        "type",
        Arbitraries.of(ViewGrammar.knownTypes().toArray(new String[0]))
            .list()
            .ofMaxSize(3)
            .map(l -> String.join(",", l)));
    t.put("q", Arbitraries.of("Idlib", "Aleppo", "shelling", "x", "%", "_", "*", "'", "Москва"));
    t.put(
        "layers",
        Arbitraries.of("countries", "zones", "events", "roads", "")
            .list()
            .ofMaxSize(3)
            .map(l -> String.join(",", l)));
    t.put("format", Arbitraries.of("json", "geojson", "kml", "xml", "JSON", ""));
    t.put("interval", Arbitraries.of("day", "week", "month", "year", "Day"));
    String base = "http://127.0.0.1:" + (app == null ? 0 : app.port());
    t.put(
        "url",
        Arbitraries.frequencyOf(
            Tuple.of(2, FuzzValues.query(VIEW, Map.of()).map(q -> base + "/?" + q)),
            Tuple.of(1, FuzzValues.query(VIEW, Map.of()).map(q -> base + "/embed?" + q)),
            Tuple.of(1, pathPart().map(id -> base + "/events/" + id)),
            Tuple.of(
                1,
                Arbitraries.of(
                    "javascript:alert(1)",
                    "http://[::1",
                    "//127.0.0.1/",
                    "http://example.org/",
                    base,
                    base + "/events/",
                    base + "/../etc/passwd",
                    ""))));
    return t;
  }

  private static String trim(double d) {
    String s = Double.toString(d);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
