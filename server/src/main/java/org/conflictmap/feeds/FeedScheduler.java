package org.conflictmap.feeds;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.conflictmap.config.Config;
import org.conflictmap.ingest.Ingester;
import org.conflictmap.store.FeedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configured feeds while the server runs: once at start, then every interval after the
 * previous round ends, on one background thread. Feeds are polled one after another, each bounded
 * by its fetch timeout, so a slow or broken feed delays the others by at most that long.
 */
public final class FeedScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

  private final ScheduledExecutorService executor;
  private final FeedPoller poller;

  private FeedScheduler(ScheduledExecutorService executor, FeedPoller poller) {
    this.executor = executor;
    this.poller = poller;
  }

  /** Starts polling {@code config.feedUrls()}; with no feeds configured nothing runs. */
  public static FeedScheduler start(Config config, FeedStore store, Ingester ingester) {
    if (config.feedUrls().isEmpty()) {
      return new FeedScheduler(null, null);
    }
    FeedPoller poller =
        new FeedPoller(
            new FeedFetcher(FeedFetcher.Limits.defaults()), store, ingester, Clock.systemUTC());
    return start(poller, config.feedUrls(), config.feedInterval());
  }

  /** Starts polling {@code feeds} with this poller every {@code interval}. */
  public static FeedScheduler start(FeedPoller poller, List<URI> feeds, Duration interval) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "feed-poller");
              // never keeps the JVM alive on its own
              t.setDaemon(true);
              return t;
            });
    List<URI> copy = List.copyOf(feeds);
    executor.scheduleWithFixedDelay(
        () -> round(poller, copy), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("polling {} feed(s) every {} s", copy.size(), interval.toSeconds());
    return new FeedScheduler(executor, poller);
  }

  private static void round(FeedPoller poller, List<URI> feeds) {
    try {
      if (poller.pollAllOnce(feeds).isEmpty()) {
        LOG.info("another server on this database is polling the feeds; this round is skipped");
      }
    } catch (RuntimeException | Error e) {
      // an exception escaping here would cancel every later round
      LOG.error("a round of feed polling failed", e);
    }
  }

  /** Whether feeds are being polled. */
  public boolean running() {
    return executor != null && !executor.isShutdown();
  }

  /**
   * Stops polling. The poller stops between items; a fetch still in flight after two seconds is
   * interrupted. Only the fetch is: interrupting a thread inside H2's file I/O closes the database.
   */
  @Override
  public void close() {
    if (executor == null) {
      return;
    }
    poller.stop();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
          LOG.warn("the feed poller did not stop within 7 s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
