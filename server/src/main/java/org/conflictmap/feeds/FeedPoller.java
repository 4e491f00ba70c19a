package org.conflictmap.feeds;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.events.NewArticle;
import org.conflictmap.ingest.Ingester;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.FeedStore;
import org.conflictmap.store.IngestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a feed once: fetches it (conditionally), reads its items and sends each item it has not
 * seen before through the {@link Ingester}, like any other article, so an item whose link or text
 * is already stored is found as a duplicate. Every item is remembered by its guid, so an item the
 * feed repeats or edits later is never ingested twice. A failing feed is recorded and reported,
 * never thrown.
 */
public final class FeedPoller {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  /** A refused item is tried again on later polls, but only this many times in all. */
  static final int MAX_ATTEMPTS = 3;

  private static final int MAX_TITLE_CHARS = 500;

  private final FeedFetcher fetcher;
  private final FeedStore store;
  private final Ingester ingester;
  private final Clock clock;
  private volatile boolean stopped;

  public FeedPoller(FeedFetcher fetcher, FeedStore store, Ingester ingester, Clock clock) {
    this.fetcher = fetcher;
    this.store = store;
    this.ingester = ingester;
    this.clock = clock;
  }

  /** Asks a poll in progress to stop after the item it is ingesting; later polls do nothing. */
  public void stop() {
    stopped = true;
  }

  /** Polls each feed in turn; a slow or broken one costs at most its fetch timeout. */
  /**
   * {@link #pollAll}, unless another round is running, in this process or in another server on the
   * same database: then nothing is polled and the answer is empty.
   */
  public java.util.Optional<List<PollSummary>> pollAllOnce(List<URI> feeds) {
    return store.exclusively(() -> pollAll(feeds));
  }

  public List<PollSummary> pollAll(List<URI> feeds) {
    List<PollSummary> out = new ArrayList<>();
    // a feed listed twice is polled once
    for (URI feed : new LinkedHashSet<>(feeds)) {
      if (stopped) {
        break;
      }
      out.add(poll(feed));
    }
    return out;
  }

  /** Polls one feed and records the result; never throws. */
  public PollSummary poll(URI url) {
    String key = url.toString();
    Instant started = clock.instant();
    PollSummary summary;
    try {
      summary = fetchAndIngest(url, key, started);
    } catch (FeedException e) {
      summary = PollSummary.failed(key, e.getMessage());
      if (stopped || Thread.currentThread().isInterrupted()) {
        // shutting down: an interrupted thread must not touch H2, and this is no feed's fault
        return summary;
      }
      recordFailure(key, started, e.getMessage());
    } catch (RuntimeException e) {
      // a store failure or a bug: keep polling the other feeds and say what happened
      LOG.error("polling {} failed", key, e);
      // the details (SQL, paths) stay in the log: the status page is public
      summary = PollSummary.failed(key, "internal error; the server log has the details");
      recordFailure(key, started, summary.error());
    }
    if (summary.status() == PollSummary.Status.FAILED) {
      LOG.warn("{}", summary.line());
    } else {
      LOG.info("{}", summary.line());
    }
    return summary;
  }

  private PollSummary fetchAndIngest(URI url, String key, Instant started) throws FeedException {
    FeedFetcher.Validators last =
        store
            .feed(key)
            .map(f -> new FeedFetcher.Validators(f.etag(), f.lastModified()))
            .orElse(FeedFetcher.Validators.NONE);
    FeedFetcher.Fetched fetched = fetcher.fetch(url, last);
    FeedFetcher.Validators next = fetched.validators();
    if (fetched.notModified()) {
      store.recordSuccess(key, started, true, next.etag(), next.lastModified());
      return PollSummary.notModified(key);
    }
    ParsedFeed feed =
        FeedParser.parse(fetched.body().orElseThrow(), fetched.url(), fetched.charset());
    LocalDate fetchDate = LocalDate.ofInstant(started, ZoneOffset.UTC);
    Tally t = new Tally();
    Set<String> inThisPoll = new HashSet<>();
    for (FeedItem item : feed.items()) {
      if (stopped) {
        // the items not reached are not recorded, so the next poll handles them
        return PollSummary.failed(key, "stopped before the end of the feed");
      }
      String itemKey = item.key();
      if (!inThisPoll.add(itemKey) || alreadyHandled(key, itemKey)) {
        t.seen++;
        continue;
      }
      ingest(key, item, itemKey, fetchDate, t);
    }
    // validators are kept only now that every item is handled: a feed that failed half-way must
    // be fetched in full next time, not answered with a 304
    store.recordSuccess(key, started, false, next.etag(), next.lastModified());
    return new PollSummary(
        key,
        PollSummary.Status.OK,
        t.added,
        t.duplicates,
        t.seen,
        t.failures.size(),
        t.events,
        t.datedByFetch,
        null,
        t.failures);
  }

  private boolean alreadyHandled(String feedUrl, String itemKey) {
    Optional<FeedStore.Item> before = store.item(feedUrl, itemKey);
    return before.isPresent()
        && !(before.get().status() == FeedStore.ItemStatus.FAILED
            && before.get().attempts() < MAX_ATTEMPTS);
  }

  private void ingest(String feedUrl, FeedItem item, String itemKey, LocalDate fetchDate, Tally t) {
    Dated dated = date(item, fetchDate);
    String title = item.title();
    if (title != null && title.length() > MAX_TITLE_CHARS) {
      title = title.substring(0, MAX_TITLE_CHARS - 1) + "\u2026";
    }
    // a headline-only item still names places: its title is its text
    String body = item.text() != null ? item.text() : title;
    NewArticle article = new NewArticle(title, body, item.link(), dated.date());
    FeedStore.Outcome outcome;
    try {
      IngestResult r = ingester.ingest(article);
      outcome =
          new FeedStore.Outcome(
              itemKey,
              item.link(),
              title,
              r.duplicate() ? FeedStore.ItemStatus.DUPLICATE : FeedStore.ItemStatus.INGESTED,
              r.articleId(),
              dated.source(),
              null);
      if (r.duplicate()) {
        t.duplicates++;
      } else {
        t.added++;
        t.events += r.events().size();
        t.datedByFetch += dated.source().equals("fetched") ? 1 : 0;
      }
    } catch (InputException e) {
      String reason = e.title() + ": " + e.detail();
      outcome =
          new FeedStore.Outcome(
              itemKey,
              item.link(),
              title,
              FeedStore.ItemStatus.FAILED,
              null,
              dated.source(),
              reason);
      t.failures.add((item.link() != null ? item.link() : String.valueOf(title)) + ": " + reason);
    }
    // if the process dies between the ingest and this line, the next poll finds the article as a
    // duplicate by its URL or text and records it then: nothing is doubled
    store.recordItem(feedUrl, outcome, clock.instant());
  }

  /**
   * The item's published date, else its updated date, else the day it was fetched; a date after the
   * fetch (a wrong clock or a typo in the feed) is replaced by the fetch date too.
   */
  static Dated date(FeedItem item, LocalDate fetchDate) {
    OffsetDateTime own = item.published() != null ? item.published() : item.updated();
    if (own != null && !own.toLocalDate().isAfter(fetchDate.plusDays(1))) {
      return new Dated(own.toLocalDate(), item.published() != null ? "published" : "updated");
    }
    return new Dated(fetchDate, "fetched");
  }

  private void recordFailure(String key, Instant at, String error) {
    try {
      store.recordFailure(key, at, error);
    } catch (RuntimeException e) {
      LOG.error("cannot record the failure of {}", key, e);
    }
  }

  /** An article date and where it came from: published, updated or fetched. */
  record Dated(LocalDate date, String source) {}

  private static final class Tally {
    int added;
    int duplicates;
    int seen;
    int events;
    int datedByFetch;
    final List<String> failures = new ArrayList<>();
  }
}
