package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event's place confidence on the wire: in its GeoJSON, on its page and in the CSV export; and
 * {@code min_confidence} hides an event whose type is firm but whose place is doubtful.
 */
class PlaceConfidenceApiTest {
  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
    http = new Http(app);
    post("Strikes in Syria", "Air strikes hit Homs on Monday, Syrian officials said.");
    // the only Palma the bundled gazetteer knows is abroad, and the article is about Mozambique
    post(
        "Attack in the north",
        "Air strikes hit Palma on Wednesday. Mozambican officials in Maputo said the army had"
            + " been sent.");
  }

  private static void post(String title, String body) {
    Http.Response r =
        http.post(
            "/api/articles",
            "application/json",
            "{\"title\": \""
                + title
                + "\", \"body\": \""
                + body
                + "\", \"published\": \"2021-03-26\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Map<String, JsonNode> byPlace(String query) {
    Http.Response r = http.get("/api/events?" + query);
    assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode f : r.json().path("features")) {
      out.put(Names.normalize(f.path("properties").path("place_name").asText()), f);
    }
    return out;
  }

  @Test
  void eachEventCarriesItsPlaceConfidence() {
    Map<String, JsonNode> all = byPlace("limit=100");
    assertThat(all).containsOnlyKeys("homs", "palma");
    JsonNode homs = all.get("homs").path("properties");
    JsonNode palma = all.get("palma").path("properties");
    assertThat(homs.path("place_confidence").isNumber()).isTrue();
    assertThat(homs.path("place_confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
    // a firm type, a doubtful place
    assertThat(palma.path("type_confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
    assertThat(palma.path("place_confidence").asDouble()).isLessThan(0.8);
  }

  @Test
  void theFloorAppliesToTheLeastOfTypeAndPlace() {
    assertThat(byPlace("min_confidence=0.8")).containsOnlyKeys("homs");
    assertThat(byPlace("min_confidence=0")).containsOnlyKeys("homs", "palma");
    assertThat(
            http.get("/api/events?min_confidence=0.8&limit=1").json().path("numberMatched").asInt())
        .isEqualTo(1);
    Http.Response csv = http.get("/api/export?format=csv&min_confidence=0.8");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.body()).contains("Homs").doesNotContain("Palma");
  }

  @Test
  void theEventPageAndTheExportShowIt() {
    JsonNode palma = byPlace("limit=100").get("palma");
    long id = palma.path("properties").path("id").asLong();
    double c = palma.path("properties").path("place_confidence").asDouble();
    Http.Response page = http.get("/events/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("place confidence " + Math.round(100 * c) + "%");
    Http.Response csv = http.get("/api/export?format=csv");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header).last().isEqualTo("cm_place_confidence");
    String row = lines.stream().filter(l -> l.contains("Palma")).findFirst().orElseThrow();
    assertThat(row).endsWith("," + c);
  }
}
