package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OGC API – Features Part 1 (OGC 17-069r4), checked requirement by requirement against a real
 * server on the sample store (four events on 27 August 2019: Idlib twice, Ankara, Moscow) plus one
 * protest in Aleppo on 6 September 2019 and a posted zone.
 */
class OgcApiTest {
  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app);
    Http.Response r =
        http.post(
            "/api/articles",
            "application/json",
            "{\"title\": \"Aleppo protest <b>loud</b>\","
                + " \"body\": \"Protesters marched in Aleppo on Friday.\","
                + " \"published\": \"2019-09-06\"}");
    assertThat(r.status()).isEqualTo(201);
    r = http.post("/api/zones", "application/json", ZonesApiTest.SQUARE);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonNode json(String path, String type) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    assertThat(r.contentType()).as(path).startsWith(type);
    return r.json();
  }

  private static Set<String> rels(JsonNode links) {
    Set<String> out = new HashSet<>();
    for (JsonNode l : links) {
      assertThat(l.path("href").asText()).startsWith("http://");
      assertThat(l.path("type").asText()).isNotEmpty();
      out.add(l.path("rel").asText());
    }
    return out;
  }

  private static JsonNode linkTo(JsonNode links, String rel) {
    for (JsonNode l : links) {
      if (l.path("rel").asText().equals(rel)) {
        return l;
      }
    }
    return null;
  }

  private static String path(JsonNode link) {
    String href = link.path("href").asText();
    return href.substring(href.indexOf("/ogc"));
  }

  /** /req/core/root-success: links to itself, the conformance declaration and the collections. */
  @Test
  void landingPageLinksToServiceParts() {
    JsonNode root = json("/ogc", "application/json");
    assertThat(rels(root.path("links")))
        .contains("self", "alternate", "conformance", "data")
        .contains(
            "http://www.opengis.net/def/rel/ogc/1.0/conformance",
            "http://www.opengis.net/def/rel/ogc/1.0/data");
    assertThat(linkTo(root.path("links"), "self").path("type").asText())
        .isEqualTo("application/json");
    // the linked documents are served
    json(path(linkTo(root.path("links"), "conformance")), "application/json");
    json(path(linkTo(root.path("links"), "data")), "application/json");
  }

  /** /req/core/conformance-success: conformsTo lists the classes implemented, only those. */
  @Test
  void conformanceDeclaresCoreGeoJsonAndHtml() {
    JsonNode c = json("/ogc/conformance", "application/json");
    List<String> classes = new ArrayList<>();
    c.path("conformsTo").forEach(n -> classes.add(n.asText()));
    assertThat(classes)
        .containsExactlyInAnyOrder(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
  }

  /**
   * /req/core/fc-md-success, /req/core/fc-md-links, /req/core/fc-md-items-links, /req/core/sfc-md-
   * extent: each collection with id, items links and a CRS84 extent.
   */
  @Test
  void collectionsDescribeEventsZonesAndCountries() {
    JsonNode all = json("/ogc/collections", "application/json");
    assertThat(rels(all.path("links"))).contains("self", "alternate");
    List<String> ids = new ArrayList<>();
    for (JsonNode c : all.path("collections")) {
      ids.add(c.path("id").asText());
      JsonNode items = linkTo(c.path("links"), "items");
      assertThat(items).as(c.toString()).isNotNull();
      assertThat(items.path("type").asText()).isEqualTo("application/geo+json");
      assertThat(c.path("extent").path("spatial").path("bbox").get(0).size()).isEqualTo(4);
      assertThat(c.path("extent").path("spatial").path("crs").asText()).isEqualTo(OgcRoutes.CRS84);
      // the single-collection document says the same
      JsonNode one = json("/ogc/collections/" + c.path("id").asText(), "application/json");
      assertThat(one.path("id").asText()).isEqualTo(c.path("id").asText());
      assertThat(rels(one.path("links"))).contains("self", "items");
    }
    assertThat(ids).containsExactly("events", "zones", "countries");
  }

  /** /req/core/fc-md-success negative: an unknown collection is 404 problem+json. */
  @Test
  void unknownCollectionAndFeatureAre404() {
    for (String p :
        List.of(
            "/ogc/collections/cities",
            "/ogc/collections/cities/items",
            "/ogc/collections/events/items/999999",
            "/ogc/collections/events/items/abc",
            "/ogc/collections/zones/items/0",
            "/ogc/collections/countries/items/100000")) {
      Http.Response r = http.get(p);
      assertThat(r.status()).as(p).isEqualTo(404);
      assertThat(r.contentType()).as(p).startsWith("application/problem+json");
    }
  }

  /**
   * /req/core/fc-response, /req/geojson/fc-content, /req/core/fc-links, /req/core/fc-timeStamp,
   * /req/core/fc-numberMatched, /req/core/fc-numberReturned.
   */
  @Test
  void itemsAreAFeatureCollectionWithCountsAndLinks() {
    JsonNode fc = json("/ogc/collections/events/items", "application/geo+json");
    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.path("numberMatched").asInt()).isEqualTo(5);
    assertThat(fc.path("numberReturned").asInt()).isEqualTo(fc.path("features").size());
    assertThat(fc.path("timeStamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(rels(fc.path("links"))).contains("self", "alternate").doesNotContain("next");
    for (JsonNode f : fc.path("features")) {
      assertThat(f.path("type").asText()).isEqualTo("Feature");
      assertThat(f.path("geometry").path("type").asText()).isEqualTo("Point");
      assertThat(f.has("id")).isTrue();
    }
    JsonNode zones = json("/ogc/collections/zones/items", "application/geo+json");
    assertThat(zones.path("numberMatched").asInt()).isGreaterThanOrEqualTo(1);
    JsonNode countries =
        json("/ogc/collections/countries/items?limit=1000", "application/geo+json");
    assertThat(countries.path("numberMatched").asInt()).isEqualTo(241);
    assertThat(countries.path("numberReturned").asInt()).isEqualTo(241);
  }

  /**
   * /req/core/fc-limit-definition (1..10000, default 10), /req/core/fc-next-1: the next links walk
   * every matching feature once.
   */
  @Test
  void limitAndNextLinksPageThroughEveryFeatureOnce() {
    JsonNode first = json("/ogc/collections/countries/items", "application/geo+json");
    assertThat(first.path("numberReturned").asInt()).isEqualTo(10);
    Set<String> seen = new HashSet<>();
    String next = "/ogc/collections/events/items?limit=2";
    int pages = 0;
    while (next != null) {
      JsonNode page = json(next, "application/geo+json");
      assertThat(page.path("numberMatched").asInt()).isEqualTo(5);
      page.path("features").forEach(f -> assertThat(seen.add(f.path("id").asText())).isTrue());
      assertThat(page.path("numberReturned").asInt()).isLessThanOrEqualTo(2);
      JsonNode link = linkTo(page.path("links"), "next");
      next = link == null ? null : path(link);
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(5);
    // a limit above the maximum is served as the maximum, not refused
    assertThat(
            json("/ogc/collections/countries/items?limit=50000", "application/geo+json")
                .path("numberReturned")
                .asInt())
        .isEqualTo(241);
  }

  /** /req/core/fc-bbox-response, /req/core/fc-time-response: filters select what they name. */
  @Test
  void bboxAndDatetimeFilter() {
    JsonNode syria = json("/ogc/collections/events/items?bbox=35,35,38,37", "application/geo+json");
    List<String> places = new ArrayList<>();
    syria
        .path("features")
        .forEach(f -> places.add(f.path("properties").path("place_name").asText()));
    assertThat(places).containsExactlyInAnyOrder("Idlib", "Idlib", "Aleppo");
    // every event, to say what each interval must select
    List<String> dates = new ArrayList<>();
    json("/ogc/collections/events/items?limit=100", "application/geo+json")
        .path("features")
        .forEach(f -> dates.add(f.path("properties").path("event_date").asText()));
    long sinceSept = dates.stream().filter(d -> d.compareTo("2019-09-01") >= 0).count();
    long onDay = dates.stream().filter(d -> d.equals("2019-08-27")).count();
    assertThat(sinceSept).isBetween(1L, 4L);
    assertThat(onDay).isBetween(1L, 4L);
    JsonNode sept =
        json("/ogc/collections/events/items?datetime=2019-09-01/..", "application/geo+json");
    assertThat(sept.path("numberMatched").asLong()).isEqualTo(sinceSept);
    sept.path("features")
        .forEach(
            f ->
                assertThat(f.path("properties").path("event_date").asText())
                    .isGreaterThanOrEqualTo("2019-09-01"));
    JsonNode day =
        json(
            "/ogc/collections/events/items?datetime=2019-08-27T00:00:00Z/2019-08-27T23:59:59Z",
            "application/geo+json");
    assertThat(day.path("numberMatched").asLong()).isEqualTo(onDay);
    assertThat(
            json("/ogc/collections/events/items?datetime=2019-08-27", "application/geo+json")
                .path("numberMatched")
                .asLong())
        .isEqualTo(onDay);
    // six numbers (with heights) are a bbox too
    assertThat(
            json("/ogc/collections/events/items?bbox=35,35,0,38,37,100", "application/geo+json")
                .path("numberMatched")
                .asInt())
        .isEqualTo(3);
    // the zone square 36..37 x 35..36 lies in this box, and not in one over Moscow
    assertThat(
            json("/ogc/collections/zones/items?bbox=36.5,35.5,40,40", "application/geo+json")
                .path("numberMatched")
                .asInt())
        .isGreaterThanOrEqualTo(1);
    JsonNode moscow =
        json("/ogc/collections/countries/items?bbox=37.5,55.7,37.7,55.8", "application/geo+json");
    assertThat(moscow.path("features").get(0).path("properties").path("iso_a2").asText())
        .isEqualTo("RU");
    // minLon > maxLon crosses the antimeridian (17-069r4, 7.15.3): Fiji lies either side of it
    Set<String> across = new HashSet<>();
    json(
            "/ogc/collections/countries/items?bbox=179,-19,-179.5,-16&limit=100",
            "application/geo+json")
        .path("features")
        .forEach(f -> across.add(f.path("properties").path("iso_a2").asText()));
    assertThat(across).contains("FJ");
    assertThat(
            json("/ogc/collections/events/items?bbox=170,-60,-170,60", "application/geo+json")
                .path("numberMatched")
                .asInt())
        .as("no sample event lies in the Pacific")
        .isZero();
    // the next link keeps the filter
    JsonNode paged =
        json("/ogc/collections/events/items?bbox=35,35,38,37&limit=1", "application/geo+json");
    assertThat(linkTo(paged.path("links"), "next").path("href").asText())
        .contains("bbox=35,35,38,37")
        .contains("offset=1");
  }

  /** /req/core/query-param-invalid, /req/core/query-param-unknown: 400 problem+json. */
  @Test
  void badParametersAre400() {
    for (String q :
        List.of(
            "bbox=1,2,3",
            "bbox=a,b,c,d",
            "bbox=1,2,3,4,",
            "bbox=0x1p3,0,1,1",
            "bbox=1,95,2,96",
            "bbox=1,5,2,4",
            "bbox=190,0,200,10",
            "datetime=yesterday",
            "datetime=2019-09-01/2019-08-01",
            "datetime=2019-01-01/2019-02-01/2019-03-01",
            "limit=0",
            "limit=-3",
            "limit=ten",
            "offset=-1",
            "f=xml",
            "bbx=1,2,3,4")) {
      Http.Response r = http.get("/ogc/collections/events/items?" + q);
      assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(400);
      assertThat(r.contentType()).as(q).startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("Exception");
    }
  }

  /** /req/core/f-success, /req/geojson/f-content: a single item with self and collection links. */
  @Test
  void singleItemIsAFeatureWithLinks() {
    JsonNode fc = json("/ogc/collections/events/items?limit=1", "application/geo+json");
    String id = fc.path("features").get(0).path("id").asText();
    JsonNode f = json("/ogc/collections/events/items/" + id, "application/geo+json");
    assertThat(f.path("type").asText()).isEqualTo("Feature");
    assertThat(f.path("id").asText()).isEqualTo(id);
    assertThat(rels(f.path("links"))).contains("self", "alternate", "collection");
    JsonNode country = json("/ogc/collections/countries/items/1", "application/geo+json");
    assertThat(country.path("properties").path("name").asText()).isNotEmpty();
    JsonNode zoneId =
        json("/ogc/collections/zones/items", "application/geo+json")
            .path("features")
            .get(0)
            .path("id");
    assertThat(
            json("/ogc/collections/zones/items/" + zoneId.asText(), "application/geo+json")
                .path("geometry")
                .path("type")
                .asText())
        .isEqualTo("Polygon");
  }

  /**
   * /req/html/content, /req/html/definition: HTML by Accept or f=html, JSON for clients; values are
   * escaped (an article title with markup is shown as text).
   */
  @Test
  void htmlForBrowsersJsonForClientsEscaped() {
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    for (String p :
        List.of(
            "/ogc",
            "/ogc/conformance",
            "/ogc/collections",
            "/ogc/collections/events",
            "/ogc/collections/events/items")) {
      Http.Response r = http.request("GET", p, Map.of("Accept", browser), null, null);
      assertThat(r.status()).as(p).isEqualTo(200);
      assertThat(r.contentType()).as(p).startsWith("text/html");
      assertThat(r.body()).contains("<a href=\"http://").contains("rel=\"self\"");
      Http.Response j = http.request("GET", p, Map.of("Accept", "application/json"), null, null);
      assertThat(j.contentType()).as(p).startsWith("application/");
      assertThat(j.json().path("links").isArray()).isTrue();
    }
    Http.Response html = http.get("/ogc/collections/events/items?f=html&datetime=2019-09-06");
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.body())
        .contains("Aleppo protest &lt;b&gt;loud&lt;/b&gt;")
        .doesNotContain("<b>loud</b>");
    // f=json wins over a browser's Accept
    Http.Response forced =
        http.request("GET", "/ogc/collections?f=json", Map.of("Accept", browser), null, null);
    assertThat(forced.contentType()).startsWith("application/json");
    // a query value is never echoed raw into a page
    Http.Response echoed =
        http.get(
            "/ogc/collections/events/items?f=html&limit=1&offset=0&datetime=2019-08-27%22%3E%3Cscript%3E");
    // (refused as problem+json, never as a page)
    assertThat(echoed.status()).isEqualTo(400);
    assertThat(echoed.contentType()).startsWith("application/problem+json");
  }
}
