package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.export.EventExport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * {@code /api/export}: the events the map's filters match, as ACLED-column CSV, GeoJSON and KML.
 * The store holds the sample plus a protest in Aleppo whose article title has a comma, a quote and
 * markup.
 */
class ExportApiTest {
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
            "{\"title\": \"Aleppo protest, \\\"loud\\\" <b>& calm</b>\","
                + " \"body\": \"Protesters marched in Aleppo on Friday.\","
                + " \"published\": \"2019-09-06\"}");
    assertThat(r.status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
  static List<List<String>> parseCsv(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        f.append(c);
      }
    }
    assertThat(row).as("the file ends with CRLF").isEmpty();
    return rows;
  }

  private static int matched(String filter) {
    return http.get("/api/events?" + filter).json().path("numberMatched").asInt();
  }

  @Test
  void csvHasAcledColumnsAndOneRowPerMatchingEvent() {
    Http.Response r = http.get("/api/export?format=csv");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/csv");
    assertThat(r.header("Content-Disposition")).contains("attachment").contains(".csv");
    List<List<String>> rows = parseCsv(r.body());
    List<String> header = rows.get(0);
    assertThat(header.subList(0, EventExport.ACLED_COLUMNS.size()))
        .containsExactlyElementsOf(EventExport.ACLED_COLUMNS)
        .startsWith("event_id_cnty", "event_date", "year", "time_precision", "disorder_type");
    assertThat(header)
        .contains(
            "actor1",
            "actor2",
            "country",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "notes",
            "fatalities",
            "timestamp");
    assertThat(rows).hasSize(1 + matched(""));
    for (List<String> row : rows) {
      assertThat(row).hasSameSizeAs(header);
    }
    // every event of /api/events is a row, with its coordinates and date
    JsonNode events = http.get("/api/events").json().path("features");
    int lat = header.indexOf("latitude");
    int id = header.indexOf("cm_id");
    int date = header.indexOf("event_date");
    for (JsonNode e : events) {
      List<String> row =
          rows.stream()
              .filter(x -> x.get(id).equals(e.path("id").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(Double.parseDouble(row.get(lat)))
          .isEqualTo(e.path("geometry").path("coordinates").get(1).asDouble());
      assertThat(row.get(date)).isEqualTo(e.path("properties").path("event_date").asText());
    }
    // the title with a comma and quotes survives quoting
    int source = header.indexOf("source");
    assertThat(rows.stream().map(x -> x.get(source)))
        .contains("Aleppo protest, \"loud\" <b>& calm</b>");
  }

  @Test
  void filtersAreTheMapsFilters() {
    List<List<String>> syria = parseCsv(http.get("/api/export?format=csv&bbox=35,35,38,37").body());
    assertThat(syria).hasSize(1 + matched("bbox=35,35,38,37"));
    assertThat(syria.size() - 1).isBetween(1, matched("") - 1);
    List<List<String>> protests =
        parseCsv(http.get("/api/export?format=csv&type=Protests&datetime=2019-09-01/..").body());
    assertThat(protests).hasSize(1 + matched("type=Protests&datetime=2019-09-01/.."));
  }

  @Test
  void geojsonIsOneFeatureCollectionOfEveryMatch() {
    Http.Response r = http.get("/api/export?format=geojson&bbox=35,35,38,37");
    assertThat(r.contentType()).startsWith("application/geo+json");
    JsonNode fc = r.json();
    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.path("features").size()).isEqualTo(matched("bbox=35,35,38,37"));
  }

  @Test
  void kmlIsWellFormedWithAPlacemarkPerEventAndEscapedText() throws Exception {
    Http.Response r = http.get("/api/export?format=kml");
    assertThat(r.contentType()).startsWith("application/vnd.google-earth.kml+xml");
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(r.body())));
    assertThat(doc.getElementsByTagName("Placemark").getLength()).isEqualTo(matched(""));
    assertThat(r.body()).doesNotContain("<b>").contains("&lt;b&gt;&amp; calm");
  }

  @Test
  void badRequestsAre400ProblemJson() {
    for (String q :
        List.of(
            "", "format=xls", "format=csv&bbox=1,2,3", "format=csv&bbx=1", "format=gpkg&bbx=1")) {
      Http.Response r = http.get("/api/export?" + q);
      assertThat(r.status()).as(q).isEqualTo(400);
      assertThat(r.contentType()).as(q).startsWith("application/problem+json");
    }
    // a filter /api/events refuses is refused the same way
    for (String f :
        List.of(
            "datetime=soon", "datetime=2019-09-01/2019-08-01", "bbox=0,10,1,5", "type=Parades")) {
      int expected = http.get("/api/events?" + f).status();
      assertThat(expected).as(f).isBetween(400, 499);
      Http.Response r = http.get("/api/export?format=csv&" + f);
      assertThat(r.status()).as(f).isEqualTo(expected);
      assertThat(r.contentType()).as(f).startsWith("application/problem+json");
    }
    assertThat(http.get("/api/export?format=csv&zone=99999").status()).isEqualTo(404);
  }
}
