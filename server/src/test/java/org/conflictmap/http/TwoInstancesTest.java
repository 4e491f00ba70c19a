package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.TestTokens;
import org.conflictmap.config.Config;
import org.conflictmap.store.Postgis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostGIS behave as one: what is written through either is read through the
 * other at once, ids come from the database, and a token made on one is honoured by the other.
 */
class TwoInstancesTest {
  @TempDir static Path dataA;
  @TempDir static Path dataB;
  static App a;
  static App b;

  @BeforeAll
  static void start() {
    String url = Postgis.freshDatabaseUrl();
    a = App.start(config(url, dataA).withSample(true));
    // the second starts on a store that has the sample and a first token: it adds neither
    b = App.start(config(url, dataB).withSample(true));
  }

  private static Config config(String url, Path data) {
    return Config.defaults()
        .withPort(0)
        .withDataDir(data)
        .withJdbc(url, Postgis.user(), Postgis.password());
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void theSampleIsLoadedOnceAndBothServeIt() {
    String events = new Http(a.port()).get("/api/events").body();
    assertThat(new Http(b.port()).get("/api/events").body()).isEqualTo(events);
    assertThat(new Http(b.port()).get("/api/zones").json().path("features").size())
        .isEqualTo(new Http(a.port()).get("/api/zones").json().path("features").size())
        .isEqualTo(5);
    assertThat(b.firstAdminToken()).isEmpty();
  }

  @Test
  void aWriteThroughOneIsReadThroughTheOther() {
    String token = TestTokens.editor(a); // made on a, used on b
    Http viaB = new Http(b.port(), token);
    Http viaA = new Http(a.port(), token);
    String article =
        "{\"title\":\"Shelling near Kharkiv\",\"url\":\"https://example.org/two-instances\","
            + "\"published\":\"2022-05-02\",\"body\":\"Shelling hit Kharkiv on 1 May 2022, killing"
            + " three people, officials said.\"}";
    Http.Response posted = viaB.post("/api/articles", "application/json", article);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    long id = posted.json().path("events").path("features").get(0).path("id").asLong();

    JsonNode read = viaA.get("/api/events/" + id).json();
    assertThat(read.path("properties").path("place_name").asText()).isEqualTo("Kharkiv");

    // a correction through a is history through b, and a re-post through a is a duplicate
    Http.Response patched =
        viaA.request(
            "PATCH", "/api/events/" + id, Map.of(), "application/json", "{\"fatalities\":4}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(viaB.get("/api/events/" + id).json().path("properties").path("fatalities").asInt())
        .isEqualTo(4);
    assertThat(viaB.get("/api/events/" + id + "/history").json().toString()).contains("fatalities");
    Http.Response again = viaA.post("/api/articles", "application/json", article);
    assertThat(again.json().path("duplicate").asBoolean()).as(again.body()).isTrue();
  }

  @Test
  void idsFromBothServersNeverCollide() {
    String token = TestTokens.editor(a); // one token, honoured by both
    String zone =
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"Box %s\",\"kind\":\"other\","
            + "\"valid_from\":\"2020-01-01\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[30,30],[31,30],[31,31],[30,31],[30,30]]]}}";
    long fromA =
        new Http(a.port(), token)
            .post("/api/zones", "application/geo+json", zone.formatted("A"))
            .json()
            .path("id")
            .asLong();
    long fromB =
        new Http(b.port(), token)
            .post("/api/zones", "application/geo+json", zone.formatted("B"))
            .json()
            .path("id")
            .asLong();
    assertThat(fromA).isPositive().isNotEqualTo(fromB);
    JsonNode readThroughA = new Http(a.port()).get("/api/zones/" + fromB).json();
    assertThat(readThroughA.path("properties").path("name").asText()).isEqualTo("Box B");
  }

  @Test
  void bothServersTagAlikeAndAWriteThroughOneStalesTheOthersTag() {
    String token = TestTokens.editor(a);
    for (String path : ConditionalGetTest.READS) {
      Http.Response fromA = new Http(a.port()).get(path);
      assertThat(fromA.status()).as(path + ": " + fromA.body()).isEqualTo(200);
      String tag = fromA.header("ETag");
      assertThat(tag).as(path).startsWith("W/\"");
      // a tag from one server is good on the other: a cache in front of both may use either
      Http.Response fromB = ConditionalGetTest.conditional(new Http(b.port()), path, tag);
      assertThat(fromB.status()).as(path).isEqualTo(304);
      assertThat(fromB.body()).isEmpty();
    }
    String before = new Http(b.port()).get(ConditionalGetTest.READS.get(0)).header("ETag");
    String zone =
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"Tagged box\",\"kind\":\"other\","
            + "\"valid_from\":\"2020-01-01\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[32,30],[33,30],[33,31],[32,31],[32,30]]]}}";
    Http.Response zoned =
        new Http(a.port(), token).post("/api/zones", "application/geo+json", zone);
    assertThat(zoned.status()).as(zoned.body()).isEqualTo(201);
    for (String path : ConditionalGetTest.READS) {
      Http.Response viaB = ConditionalGetTest.conditional(new Http(b.port()), path, before);
      assertThat(viaB.status()).as(path).isEqualTo(200);
      assertThat(viaB.header("ETag")).as(path).isNotEqualTo(before);
      assertThat(new Http(a.port()).get(path).header("ETag")).isEqualTo(viaB.header("ETag"));
    }
  }
}
