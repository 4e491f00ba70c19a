package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.conflictmap.App;
import org.conflictmap.config.AddressRanges;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: one client's writes are limited (429 with Retry-After); reads are not. */
class WriteRateLimitTest {
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
                .withWriteRatePerMinute(5));
    http = new Http(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void writesOverTheLimitGet429WithRetryAfterAndReadsGoOn() {
    int accepted = 0;
    long last = 0;
    Http.Response refused = null;
    for (int i = 0; i < 8 && refused == null; i++) {
      Http.Response r =
          http.post(
              "/api/articles",
              "text/plain",
              "On 3 March 2020 shelling hit Saraqib, killing " + (i + 2) + " people (" + i + ").");
      if (r.status() == 429) {
        refused = r;
      } else {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        last = Math.max(last, r.json().path("article_id").asLong());
        accepted++;
      }
    }
    assertThat(accepted).as("writes accepted before the limit").isEqualTo(5);
    assertThat(refused).isNotNull();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("status").asInt()).isEqualTo(429);
    int retry = Integer.parseInt(refused.header("Retry-After"));
    assertThat(retry).as("seconds until one more write, at 5 a minute").isBetween(1, 12);
    // the refused write stored nothing
    assertThat(http.get("/api/articles/" + last).status()).isEqualTo(200);
    assertThat(http.get("/api/articles/" + (last + 1)).status()).isEqualTo(404);
    for (int i = 0; i < 50; i++) {
      assertThat(http.get("/api/events").status()).isEqualTo(200);
    }
  }

  @Test
  void theBucketRefillsEvenlyAndEachClientHasItsOwn() {
    AtomicLong now = new AtomicLong();
    WriteRateLimit limit = new WriteRateLimit(60, AddressRanges.none(), now::get); // one a second
    for (int i = 0; i < 60; i++) {
      assertThat(limit.take("10.0.0.1")).isZero();
    }
    long wait = limit.take("10.0.0.1");
    assertThat(wait).isBetween(1L, 1_000_000_000L);
    assertThat(limit.take("10.0.0.2")).as("another client").isZero();
    now.addAndGet(wait);
    assertThat(limit.take("10.0.0.1")).as("after the wait it said").isZero();
    assertThat(limit.take("10.0.0.1")).isPositive();
  }
}
