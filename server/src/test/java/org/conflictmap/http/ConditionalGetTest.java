package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional GET on the read API: an answer carries a weak ETag that holds until something is
 * written, the same request with {@code If-None-Match} gets 304 and no body, and any write (an
 * article, a correction, a zone, a deletion) gives a new tag. Errors carry no tag and are never
 * stored. (On PostGIS, shared by two servers: {@link TwoInstancesTest}.)
 */
class ConditionalGetTest {
  private static final String TOKEN = "conditional-secret";
  private static final Map<String, String> EDITOR = Map.of("Authorization", "Bearer " + TOKEN);

  /** The three answers computed from the store, with filters. */
  static final List<String> READS =
      List.of(
          "/api/events?bbox=-180,-90,180,90&datetime=2000-01-01/2030-12-31",
          "/api/events/clusters?zoom=3&bbox=-180,-90,180,90",
          "/api/events/histogram?bucket=month");

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
                .withSample(true)
                .withEditorToken(TOKEN));
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Http.Response conditional(Http http, String path, String tag) {
    return http.request("GET", path, Map.of("If-None-Match", tag), null, null);
  }

  @Test
  void aRepeatWithTheTagIsNotModifiedAndHasNoBody() {
    for (String path : READS) {
      Http.Response first = http.get(path);
      assertThat(first.status()).as(path + ": " + first.body()).isEqualTo(200);
      String tag = first.header("ETag");
      assertThat(tag).as(path).startsWith("W/\"").endsWith("\"");
      assertThat(first.header("Cache-Control")).as(path).isEqualTo("public, no-cache");

      Http.Response again = conditional(http, path, tag);
      assertThat(again.status()).as(path).isEqualTo(304);
      assertThat(again.body()).as(path).isEmpty();
      assertThat(again.header("ETag")).as(path).isEqualTo(tag);

      // a list of tags naming it, the strong form of it, or * match as well; another tag does not
      assertThat(conditional(http, path, "W/\"other\", " + tag).status()).isEqualTo(304);
      assertThat(conditional(http, path, tag.substring(2)).status()).isEqualTo(304);
      assertThat(conditional(http, path, "*").status()).isEqualTo(304);
      Http.Response other = conditional(http, path, "W/\"not-this-one\"");
      assertThat(other.status()).isEqualTo(200);
      assertThat(other.body()).isEqualTo(first.body());
    }
  }

  @Test
  void readsLeaveTheTagAlone() {
    String tag = http.get(READS.get(0)).header("ETag");
    for (int i = 0; i < 3; i++) {
      for (String path : READS) {
        http.get(path);
      }
      http.get("/api/zones");
    }
    assertThat(http.get(READS.get(0)).header("ETag")).isEqualTo(tag);
    assertThat(http.get(READS.get(1)).header("ETag")).isEqualTo(tag);
  }

  @Test
  void everyKindOfWriteGivesANewTag() {
    String article =
        "{\"title\":\"Shelling near Kharkiv\",\"url\":\"https://example.org/conditional\","
            + "\"published\":\"2022-05-02\",\"body\":\"Shelling hit Kharkiv on 1 May 2022, killing"
            + " three people, officials said.\"}";
    String before = tags();
    Http.Response posted =
        http.request("POST", "/api/articles", EDITOR, "application/json", article);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    long id = posted.json().path("events").path("features").get(0).path("id").asLong();
    String afterArticle = tagsChangedFrom(before, "an article");

    Http.Response patched =
        http.request(
            "PATCH", "/api/events/" + id, EDITOR, "application/json", "{\"fatalities\":4}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    String afterCorrection = tagsChangedFrom(afterArticle, "a correction");

    String zone =
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"Conditional box\",\"kind\":\"other\","
            + "\"valid_from\":\"2020-01-01\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[30,30],[31,30],[31,31],[30,31],[30,30]]]}}";
    Http.Response zoned = http.request("POST", "/api/zones", EDITOR, "application/geo+json", zone);
    assertThat(zoned.status()).as(zoned.body()).isEqualTo(201);
    String afterZone = tagsChangedFrom(afterCorrection, "a zone");

    Http.Response deleted = http.request("DELETE", "/api/events/" + id, EDITOR, null, null);
    assertThat(deleted.status()).as(deleted.body()).isIn(200, 204);
    tagsChangedFrom(afterZone, "a deletion");

    // the old tag now gets the new answer, not a 304
    Http.Response stale = conditional(http, READS.get(0), before.split(" ")[0]);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).doesNotContain("\"id\":" + id + ",");
  }

  @Test
  void errorsCarryNoTagAndAreNotStored() {
    String tag = http.get(READS.get(0)).header("ETag");
    // a malformed value is a 400, a well-formed one out of range a 422 (ViewGrammar)
    Map<String, Integer> refusals =
        Map.of(
            "/api/events?bbox=1,2,3", 400,
            "/api/events/clusters?zoom=99", 422,
            "/api/events/histogram?bucket=year", 400);
    for (String path : refusals.keySet()) {
      Http.Response bad = conditional(http, path, tag);
      assertThat(bad.status()).as(path).isEqualTo(refusals.get(path));
      assertThat(bad.contentType()).startsWith("application/problem+json");
      assertThat(bad.header("ETag")).as(path).isNull();
      assertThat(bad.header("Cache-Control")).as(path).isEqualTo("no-store");
    }
  }

  /** The current tag of each read, space-separated; all three agree. */
  private static String tags() {
    StringBuilder b = new StringBuilder();
    for (String path : READS) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
      b.append(r.header("ETag")).append(' ');
    }
    return b.toString().strip();
  }

  private static String tagsChangedFrom(String before, String what) {
    String after = tags();
    for (String old : before.split(" ")) {
      assertThat(after).as("after " + what).doesNotContain(old);
    }
    return after;
  }
}
