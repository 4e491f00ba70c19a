package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.feeds.LoopbackFeedServer.item;
import static org.conflictmap.feeds.LoopbackFeedServer.rss;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.feeds.LoopbackFeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server polls its configured feeds on its own and shows how each went at /api/feeds. */
class FeedsApiTest {
  @TempDir Path data;

  @Test
  void configuredFeedsArePolledAtStartAndTheirStateIsServed() throws Exception {
    try (LoopbackFeedServer feeds = new LoopbackFeedServer()) {
      URI good =
          feeds.fixed(
              "/wire.rss",
              "application/rss+xml",
              rss(
                  item(
                      "w-1",
                      "https://wire.example/idlib",
                      "Strikes on Idlib",
                      "<p>Air strikes hit Idlib on Monday.</p>",
                      "Mon, 26 Aug 2019 09:00:00 GMT"),
                  item("w-2", "https://wire.example/empty", null, null, null)));
      URI broken = feeds.fixed("/broken.rss", "application/rss+xml", "<rss><channel>");
      Config config =
          Config.defaults()
              .withPort(0)
              .withDataDir(data)
              .withSample(false)
              .withFeeds(List.of(good, broken), Duration.ofMinutes(10));
      try (App app = App.start(config)) {
        Http http = new Http(app);
        JsonNode state = awaitPolled(http, 2);

        assertThat(state.path("polling").asBoolean()).isTrue();
        assertThat(state.path("interval_seconds").asInt()).isEqualTo(600);
        JsonNode wire = feed(state, good);
        assertThat(wire.path("configured").asBoolean()).isTrue();
        assertThat(wire.path("status").asText()).isEqualTo("ok");
        assertThat(wire.path("last_error").isNull()).isTrue();
        assertThat(wire.path("items").path("ingested").asInt()).isEqualTo(1);
        assertThat(wire.path("items").path("failed").asInt()).isEqualTo(1);
        assertThat(wire.path("items").path("dated_by_fetch").asInt()).isZero();
        assertThat(wire.path("recent_failures").get(0).path("reason").asText())
            .contains("Empty article");
        JsonNode bad = feed(state, broken);
        assertThat(bad.path("status").asText()).isEqualTo("failed");
        assertThat(bad.path("last_error").asText()).startsWith("malformed XML");
        assertThat(bad.path("last_error_at").asText()).isNotEmpty();

        // the item's article and its events are on the map like any other
        JsonNode events = http.get("/api/events").json().path("features");
        assertThat(events)
            .anySatisfy(
                e -> {
                  assertThat(e.path("properties").path("source_url").asText())
                      .isEqualTo("https://wire.example/idlib");
                  assertThat(e.path("properties").path("event_date").asText())
                      .isEqualTo("2019-08-26");
                });
        assertThat(http.get("/api/feeds?x=1").status()).isEqualTo(400);
      }
    }
  }

  @Test
  void withoutFeedsTheListIsEmptyAndNothingPolls() {
    try (App app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false))) {
      JsonNode state = new Http(app).get("/api/feeds").json();
      assertThat(state.path("polling").asBoolean()).isFalse();
      assertThat(state.path("feeds")).isEmpty();
    }
  }

  /** Waits (a few seconds at most) until the scheduler has polled this many feeds. */
  private static JsonNode awaitPolled(Http http, int feeds) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode state;
    do {
      state = http.get("/api/feeds").json();
      long polled =
          StreamSupport.stream(state.path("feeds").spliterator(), false)
              .filter(f -> !f.path("status").asText().equals("pending"))
              .count();
      if (polled == feeds) {
        return state;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("feeds not polled in time: " + state);
  }

  private static JsonNode feed(JsonNode state, URI url) {
    return StreamSupport.stream(state.path("feeds").spliterator(), false)
        .filter(f -> f.path("url").asText().equals(url.toString()))
        .findFirst()
        .orElseThrow();
  }
}
