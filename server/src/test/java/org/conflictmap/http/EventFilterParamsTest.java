package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map's filters on {@code /api/events}: {@code type} and {@code q} beside bbox and datetime,
 * and clear refusals for values the map could not have produced. The store holds the sample (Idlib
 * twice, Ankara and Moscow, all 27 August 2019) and one protest in Aleppo on 6 September 2019.
 */
class EventFilterParamsTest {
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
            "{\"title\": \"Aleppo protest, 100% peaceful\","
                + " \"body\": \"Protesters marched in Aleppo on Friday.\","
                + " \"published\": \"2019-09-06\"}");
    assertThat(r.status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static List<String> places(String query) {
    Http.Response r = http.get("/api/events?" + query);
    assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode f : r.json().path("features")) {
      out.add(
          f.path("properties").path("place_name").asText()
              + "/"
              + f.path("properties").path("event_type").asText());
    }
    return out;
  }

  @Test
  void typeKeepsTheNamedTypesAnyCase() {
    assertThat(places("type=Battles")).containsExactly("Idlib/Battles");
    assertThat(places("type=strategic%20developments,PROTESTS"))
        .containsExactlyInAnyOrder(
            "Moscow/Strategic developments", "Ankara/Strategic developments", "Aleppo/Protests");
    assertThat(places("type=Riots")).isEmpty();
    assertThat(http.get("/api/events?type=Protests").json().path("numberMatched").asInt())
        .isEqualTo(1);
  }

  @Test
  void qSearchesPlacesSentencesAndTitlesIgnoringCase() {
    assertThat(places("q=ankara")).containsExactly("Ankara/Strategic developments");
    // a word of the sentence, not of the place name
    assertThat(places("q=MARCHED")).containsExactly("Aleppo/Protests");
    // a word of the article's title: every event of the sample article
    assertThat(places("q=erdogan%20meet")).hasSize(4);
    // LIKE wildcards are literal characters
    assertThat(places("q=100%25")).containsExactly("Aleppo/Protests");
    assertThat(places("q=%25%25%25")).isEmpty();
    assertThat(places("q=_")).isEmpty();
  }

  @Test
  void filtersCombine() {
    assertThat(places("type=Strategic%20developments&q=ankara&datetime=2019-09-16"))
        .containsExactly("Ankara/Strategic developments");
    assertThat(places("type=Protests&datetime=2019-08-01/2019-08-31")).isEmpty();
    assertThat(places("type=Protests,Battles&bbox=30,30,40,40&datetime=2019-08-01/.."))
        .containsExactlyInAnyOrder("Idlib/Battles", "Aleppo/Protests");
  }

  @Test
  void badFilterValuesAreProblems() {
    Http.Response unknownType = http.get("/api/events?type=Battles,Skirmishes");
    assertThat(unknownType.status()).isEqualTo(422);
    assertThat(unknownType.contentType()).isEqualTo("application/problem+json");
    assertThat(unknownType.json().path("detail").asText())
        .contains("Skirmishes")
        .contains("Violence against civilians");

    Http.Response longQ = http.get("/api/events?q=" + "x".repeat(201));
    assertThat(longQ.status()).isEqualTo(400);
    assertThat(longQ.json().path("title").asText()).isEqualTo("Invalid q");
    assertThat(http.get("/api/events?q=%20").status()).isEqualTo(400);
    assertThat(http.get("/api/events?type=Battles&type=Riots").status()).isEqualTo(400);
  }

  @Test
  void theViewPreviewRefusesWhatTheMapWouldRefuse() {
    String[][] cases = {
      {"bbox=1,2,3", "400"},
      {"bbox=10,10,0,0", "400"},
      {"bbox=10,0,200,10", "422"},
      {"center=36,35", "400"},
      {"zoom=5", "400"},
      {"center=36,35&zoom=19", "422"},
      {"center=36,95&zoom=5", "422"},
      {"bbox=0,0,1,1&center=0,0&zoom=3", "400"},
      {"layers=zones,roads", "422"},
      {"event=abc", "400"},
      {"event=987654", "404"},
      {"zone=987654", "404"},
      {"datetime=2019-08-31/2019-08-01", "422"},
      {"colour=red", "400"},
    };
    for (String[] c : cases) {
      Http.Response r = http.get("/preview.png?" + c[0]);
      assertThat(r.status()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      assertThat(r.contentType()).as(c[0]).isEqualTo("application/problem+json");
      assertThat(r.body()).as(c[0]).doesNotContain("Exception");
    }
  }
}
