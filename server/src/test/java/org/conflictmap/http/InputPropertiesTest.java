package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.conflictmap.App;
import org.conflictmap.TestTokens;
import org.conflictmap.config.Config;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.conflictmap.zones.ZoneImport;

/**
 * Mutated article text, GeoJSON zones and KML files (jqwik), straight to the parsers and over HTTP
 * to the real server: a parser either reads the input or refuses it with an {@link InputException};
 * the API never answers 5xx, refuses with problem+json, and every write it acknowledged is there
 * afterwards, beside everything stored before.
 */
class InputPropertiesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARTICLE =
      "date 2024-03-05\nShelling near Idlib\n\nOn Monday, shelling hit Saraqib, 20 km east of"
          + " Idlib, killing three people. Protesters gathered in Aleppo on Tuesday.";
  static final String ARTICLE_JSON =
      "{\"title\":\"Clashes near Homs\",\"body\":\"Fighting broke out in Homs and Hama on"
          + " Sunday; two soldiers were killed.\",\"published\":\"2024-03-05\","
          + "\"url\":\"https://example.org/a\"}";
  static final String FEATURE =
      "{\"type\":\"Feature\",\"properties\":{\"name\":\"Idlib front\",\"kind\":\"frontline\","
          + "\"valid_from\":\"2024-01-02\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[36.5,35.8],[36.9,35.8],[36.9,36.1],[36.5,36.1],[36.5,35.8]]]}}";
  static final String COLLECTION =
      "{\"type\":\"FeatureCollection\",\"features\":[" + FEATURE + "]}";
  static final String KML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"
          + "<Document><Placemark><name>Zone</name><TimeSpan><begin>2024-01-02</begin></TimeSpan>"
          + "<MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>36.5,35.8 36.9,35.8"
          + " 36.9,36.1 36.5,36.1 36.5,35.8</coordinates></LinearRing></outerBoundaryIs></Polygon>"
          + "</MultiGeometry></Placemark></Document></kml>";
  static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "-1e999",
    "1e308",
    "NaN",
    "Infinity",
    "0x1p3",
    "\u0000",
    "\uD800",
    "\"coordinates\":",
    "\"type\":\"Polygon\"",
    "\"type\":\"Point\"",
    "\"type\":\"GeometryCollection\",\"geometries\":[",
    "\"valid_from\":\"2024-02-30\"",
    "\"valid_to\":\"1999-01-01\"",
    "<Polygon>",
    "</Polygon>",
    "<MultiGeometry>",
    "<!DOCTYPE x [",
    "<!ENTITY a \"aaaa\">",
    "&a;",
    "<?xml version=\"1.0\" encoding=\"x-bogus\"?>",
    "]]>",
    "<![CDATA[",
    "180.0000001,90",
    "-0,-0",
    "date 9999-99-99\n",
    "date 2024-02-30\n",
    "\n\n",
    "\r",
    "١٢",
    "\u202E",
    "\uFEFF",
    "1e-400",
    "<coordinates>",
    "</coordinates>",
    " ",
    "\t",
    "💥",
    "<img src=x onerror=alert(1)>",
    "killing 99999999999999999999 people",
    "on 31 February"
  };

  /** One edit of the seed input: what to do, where (a fraction of its length), with what. */
  record Mutation(int op, double at, String token, int length) {}

  static Path data;
  static App app;
  static RawHttp raw;
  static Http http;
  static String editor;
  static final List<String> before = new ArrayList<>();
  static final List<String> acknowledged = new ArrayList<>();

  @BeforeContainer
  static void start() throws IOException {
    data = Files.createTempDirectory("conflictmap-ifuzz");
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    raw = new RawHttp(app.port());
    http = new Http(app.port());
    editor = TestTokens.editor(app);
    http.get("/api/events?limit=1000")
        .json()
        .path("features")
        .forEach(f -> before.add("/api/events/" + f.path("id").asLong()));
    http.get("/api/zones")
        .json()
        .path("features")
        .forEach(f -> before.add("/api/zones/" + f.path("id").asLong()));
    assertThat(before).as("the sample's events and zones").hasSizeGreaterThan(4);
  }

  @AfterContainer
  static void stop() throws IOException {
    app.close();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @AfterProperty
  void nothingStoredIsLost() {
    for (String path : before) {
      assertThat(http.get(path).status()).as("stored before: " + path).isEqualTo(200);
    }
    for (String path : acknowledged) {
      assertThat(http.get(path).status()).as("acknowledged: " + path).isEqualTo(200);
    }
  }

  @Property(tries = 1000)
  void theArticleParserReadsOrRefuses(@ForAll("mutations") List<Mutation> m) {
    String text = new String(apply(ARTICLE, m), StandardCharsets.UTF_8);
    readsOrRefuses(() -> ArticleText.parse(text, null));
  }

  @Property(tries = 1000)
  void theGeoJsonReaderReadsOrRefuses(@ForAll("mutations") List<Mutation> m) {
    byte[] file = apply(COLLECTION, m);
    readsOrRefuses(() -> ZoneImport.plan(file, ZoneImport.Format.GEOJSON, Optional.empty(), JSON));
  }

  @Property(tries = 1000)
  void theKmlReaderReadsOrRefuses(@ForAll("mutations") List<Mutation> m) {
    byte[] file = apply(KML, m);
    readsOrRefuses(() -> ZoneImport.plan(file, ZoneImport.Format.KML, Optional.empty(), JSON));
  }

  @Property(tries = 100)
  void ingestAnswersAndKeepsWhatItAcknowledges(
      @ForAll("mutations") List<Mutation> m, @ForAll boolean asJson) {
    byte[] body = apply(asJson ? ARTICLE_JSON : ARTICLE, m);
    RawHttp.Response r =
        raw.send("POST", "/api/articles", editor, asJson ? "application/json" : "text/plain", body);
    answered("/api/articles", r);
    if (r.status() == 201) {
      acknowledged.add("/api/articles/" + json(r).path("article_id").asLong());
    }
  }

  @Property(tries = 100)
  void zoneCreateAnswersAndKeepsWhatItAcknowledges(@ForAll("mutations") List<Mutation> m) {
    RawHttp.Response r =
        raw.send("POST", "/api/zones", editor, "application/geo+json", apply(FEATURE, m));
    answered("/api/zones", r);
    if (r.status() == 201) {
      acknowledged.add("/api/zones/" + json(r).path("id").asLong());
    }
  }

  @Property(tries = 100)
  void zoneImportAnswersAndKeepsWhatItAcknowledges(
      @ForAll("mutations") List<Mutation> m, @ForAll boolean kml) {
    RawHttp.Response r =
        raw.send(
            "POST",
            "/api/zones/import",
            editor,
            kml ? ZoneFiles.KML : "application/geo+json",
            apply(kml ? KML : COLLECTION, m));
    answered("/api/zones/import", r);
    if (r.status() == 201) {
      for (JsonNode f : json(r).path("features")) {
        if (f.hasNonNull("id")) {
          acknowledged.add("/api/zones/" + f.path("id").asLong());
        }
      }
    }
  }

  private static void answered(String path, RawHttp.Response r) {
    String what = path + " -> " + r.status() + " " + RawHttp.abbreviate(r.body());
    assertThat(r.status()).as(what).isBetween(200, 499);
    assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("at org.");
    if (r.status() >= 400) {
      assertThat(r.contentType()).as(what).startsWith("application/problem+json");
    }
  }

  private static JsonNode json(RawHttp.Response r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("a 201 without a JSON body: " + RawHttp.abbreviate(r.body()), e);
    }
  }

  private static void readsOrRefuses(Runnable parse) {
    try {
      parse.run();
    } catch (InputException e) {
      assertThat(e.title()).isNotBlank();
      assertThat(e.detail()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, Arbitraries.of(TOKENS)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)),
                    net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25))),
                Arbitraries.integers().between(0, 40))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(5);
  }

  /** Applies the edits in order: overwrite a byte, cut, insert a token, repeat a run, truncate. */
  static byte[] apply(String seed, List<Mutation> edits) {
    byte[] b = seed.getBytes(StandardCharsets.UTF_8);
    for (Mutation m : edits) {
      int at = (int) (m.at() * b.length);
      byte[] token = m.token().getBytes(StandardCharsets.UTF_8);
      b =
          switch (m.op()) {
            case 0 -> {
              byte[] c = b.clone();
              if (at < c.length) {
                c[at] = token.length == 0 ? 0 : token[0];
              }
              yield c;
            }
            case 1 ->
                concat(slice(b, 0, at), slice(b, Math.min(b.length, at + m.length()), b.length));
            case 2 -> concat(concat(slice(b, 0, at), token), slice(b, at, b.length));
            case 3 -> {
              byte[] run = slice(b, at, Math.min(b.length, at + m.length()));
              yield concat(concat(slice(b, 0, at), run), slice(b, at, b.length));
            }
            case 4 -> slice(b, 0, at);
            default ->
                concat(
                    concat(slice(b, 0, at), token), slice(b, Math.min(b.length, at + 1), b.length));
          };
    }
    return b;
  }

  private static byte[] slice(byte[] b, int from, int to) {
    byte[] out = new byte[Math.max(0, to - from)];
    System.arraycopy(b, from, out, 0, out.length);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] c) {
    byte[] out = new byte[a.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(c, 0, out, a.length, c.length);
    return out;
  }
}
