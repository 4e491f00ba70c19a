package org.conflictmap.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.feeds.LoopbackFeedServer.item;
import static org.conflictmap.feeds.LoopbackFeedServer.rss;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.store.FeedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background poller: rounds repeat on schedule, and stopping it leaves the store usable. */
class FeedSchedulerTest {
  @TempDir Path data;
  App.Services services;
  FeedStore store;
  LoopbackFeedServer server;

  @BeforeEach
  void open() throws Exception {
    services = App.Services.open(Config.defaults().withDataDir(data).withSample(false));
    store = new FeedStore(services.db());
    server = new LoopbackFeedServer();
  }

  @AfterEach
  void close() {
    server.close();
    services.close();
  }

  FeedPoller poller(Duration timeout) {
    return new FeedPoller(
        new FeedFetcher(new FeedFetcher.Limits(Duration.ofSeconds(1), timeout, 1 << 20, 3)),
        store,
        services.ingester(),
        Clock.systemUTC());
  }

  @Test
  void roundsRepeatAndAChangingFeedEndsWithEachItemOnce() throws Exception {
    String a = item("a", "https://wire.example/sa", "Idlib", "Shelling hit Idlib.", null);
    String b = item("b", "https://wire.example/sb", "Hama", "Clashes near Hama.", null);
    String c = item("c", "https://wire.example/sc", "Homs", "A blast in Homs.", null);
    AtomicReference<String> body = new AtomicReference<>(rss(a, b));
    URI url = server.feed("/scheduled.rss", body);

    try (FeedScheduler scheduler =
        FeedScheduler.start(poller(Duration.ofSeconds(2)), List.of(url), Duration.ofMillis(100))) {
      assertThat(scheduler.running()).isTrue();
      await(() -> services.articles().countArticles() == 2);
      body.set(rss(c, b, a));
      await(() -> services.articles().countArticles() == 3);
      int requests = server.requests("/scheduled.rss").size();
      await(() -> server.requests("/scheduled.rss").size() >= requests + 3);
    }
    assertThat(services.articles().countArticles()).isEqualTo(3);
    assertThat(store.feed(url.toString()).orElseThrow().lastStatus()).isEqualTo("not-modified");
  }

  @Test
  void closingDuringASlowFetchStopsSoonAndLeavesTheStoreWorking() throws Exception {
    URI slow =
        server.handle(
            "/slow.rss",
            ex -> {
              FeedPollingTest.sleep(20_000);
              LoopbackFeedServer.send(ex, 200, "application/rss+xml", rss());
            });
    FeedScheduler scheduler =
        FeedScheduler.start(poller(Duration.ofSeconds(30)), List.of(slow), Duration.ofMinutes(1));
    await(() -> !server.requests("/slow.rss").isEmpty());

    long start = System.nanoTime();
    scheduler.close();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(scheduler.running()).isFalse();
    assertThat(took).as("not the 30 s fetch timeout").isLessThan(Duration.ofSeconds(10));
    // the interrupted fetch neither broke the database nor was blamed on the feed
    assertThat(services.articles().countArticles()).isZero();
    assertThat(store.feed(slow.toString())).isEmpty();
  }

  @Test
  void withoutConfiguredFeedsNothingRuns() {
    try (FeedScheduler s = FeedScheduler.start(Config.defaults(), store, services.ingester())) {
      assertThat(s.running()).isFalse();
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 15 s");
      }
      Thread.sleep(20);
    }
  }
}
