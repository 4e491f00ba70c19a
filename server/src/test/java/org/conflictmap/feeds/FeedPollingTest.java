package org.conflictmap.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.feeds.LoopbackFeedServer.item;
import static org.conflictmap.feeds.LoopbackFeedServer.rss;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.events.Article;
import org.conflictmap.store.FeedStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polling real feeds over loopback HTTP into a real store: each item once, bad feeds recorded and
 * contained, cost bounded in time and size.
 */
class FeedPollingTest {
  /** Polls happen "on 1 September 2019" so that undated items get a known date. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2019-09-01T12:00:00Z"), ZoneOffset.UTC);

  static final FeedFetcher.Limits FAST =
      new FeedFetcher.Limits(Duration.ofSeconds(1), Duration.ofMillis(800), 64 * 1024, 3);

  @TempDir static Path data;
  static App.Services services;
  static FeedStore store;
  LoopbackFeedServer server;

  @BeforeAll
  static void open() {
    services = App.Services.open(Config.defaults().withDataDir(data).withSample(false));
    store = new FeedStore(services.db());
  }

  @AfterAll
  static void close() {
    services.close();
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new LoopbackFeedServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  static FeedPoller poller() {
    return new FeedPoller(new FeedFetcher(FAST), store, services.ingester(), CLOCK);
  }

  static long articles() {
    return services.articles().countArticles();
  }

  static Article article(PollSummary s, String link) {
    long id =
        store
            .item(s.url(), link)
            .flatMap(i -> java.util.Optional.ofNullable(i.articleId()))
            .orElseThrow();
    return services.articles().article(id).orElseThrow();
  }

  @Test
  void aChangingFeedBringsInEachItemOnceEvenWhenItsTextIsEdited() {
    String a =
        item(
            "a-1",
            "https://wire.example/a",
            "Shelling in Idlib",
            "<p>Shelling hit <b>Idlib</b> on Monday.</p>",
            "Mon, 26 Aug 2019 09:00:00 GMT");
    String b =
        item(
            "b-1",
            "https://wire.example/b",
            "Talks in Ankara",
            "Officials met in Ankara on Tuesday.",
            "Tue, 27 Aug 2019 10:00:00 +0300");
    String bEdited =
        item(
            "b-1",
            "https://wire.example/b",
            "Talks in Ankara (updated)",
            "Officials met again in Ankara on Tuesday evening.",
            "Tue, 27 Aug 2019 10:00:00 +0300");
    String c =
        item(
            "c-1",
            "https://wire.example/c",
            "Clashes near Hama",
            "Clashes were reported near Hama.",
            "Wed, 28 Aug 2019 08:00:00 GMT");
    AtomicReference<String> feed = new AtomicReference<>(rss(a, b));
    URI url = server.feed("/wire.rss", feed);
    long before = articles();

    PollSummary first = poller().poll(url);
    assertThat(first.status()).isEqualTo(PollSummary.Status.OK);
    assertThat(first.added()).isEqualTo(2);
    assertThat(articles() - before).isEqualTo(2);

    feed.set(rss(c, bEdited, a));
    PollSummary second = poller().poll(url);
    assertThat(second.status()).isEqualTo(PollSummary.Status.OK);
    assertThat(second.added()).isEqualTo(1);
    assertThat(second.seen()).isEqualTo(2);
    assertThat(second.failed()).isZero();
    assertThat(articles() - before).as("three items, three articles").isEqualTo(3);

    // the edited item was not ingested again: the stored article is the first version
    Article stored = article(second, "b-1");
    assertThat(stored.body()).isEqualTo("Officials met in Ankara on Tuesday.");
    assertThat(stored.published()).isEqualTo(LocalDate.of(2019, 8, 27));
    assertThat(stored.url()).isEqualTo("https://wire.example/b");
    assertThat(article(second, "a-1").body()).isEqualTo("Shelling hit Idlib on Monday.");

    PollSummary third = poller().poll(url);
    assertThat(third.status()).isEqualTo(PollSummary.Status.NOT_MODIFIED);
    assertThat(articles() - before).isEqualTo(3);
    FeedStore.Feed recorded = store.feed(url.toString()).orElseThrow();
    assertThat(recorded.ingested()).isEqualTo(3);
    assertThat(recorded.lastStatus()).isEqualTo("not-modified");
  }

  @Test
  void anAtomFeedIsReadWithItsDatesAndAnUndatedEntryIsDatedByTheFetch() {
    String atom =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom wire</title>"
            + "<id>urn:uuid:feed</id><updated>2019-08-30T10:00:00Z</updated>"
            + "<entry><id>urn:uuid:homs</id><title>Homs shelled</title>"
            + "<link rel=\"alternate\" href=\"/stories/homs\"/>"
            + "<published>2019-08-29T23:30:00-02:00</published><updated>2019-08-30T09:00:00Z</updated>"
            + "<content type=\"html\">&lt;p&gt;Artillery shelled Homs overnight.&lt;/p&gt;</content></entry>"
            + "<entry><id>urn:uuid:latakia</id><title>Latakia</title>"
            + "<link href=\"https://wire.example/latakia\"/><updated>2019-08-28T09:00:00Z</updated>"
            + "<summary>A protest was held in Latakia.</summary></entry>"
            + "<entry><id>urn:uuid:aleppo</id><title type=\"text\">Aleppo &amp; around</title>"
            + "<link href=\"https://wire.example/aleppo\"/>"
            + "<summary>An airstrike hit Aleppo.</summary></entry>"
            + "</feed>";
    URI url = server.fixed("/atom.xml", "application/atom+xml", atom);

    PollSummary s = poller().poll(url);

    assertThat(s.status()).isEqualTo(PollSummary.Status.OK);
    assertThat(s.added()).isEqualTo(3);
    assertThat(s.datedByFetch()).isEqualTo(1);
    assertThat(s.events()).isPositive();
    Article homs = article(s, "urn:uuid:homs");
    // the publisher's own calendar day, not the UTC one
    assertThat(homs.published()).isEqualTo(LocalDate.of(2019, 8, 29));
    assertThat(homs.url()).isEqualTo(server.url("/stories/homs").toString());
    assertThat(homs.body()).isEqualTo("Artillery shelled Homs overnight.");
    assertThat(article(s, "urn:uuid:latakia").published()).isEqualTo(LocalDate.of(2019, 8, 28));
    assertThat(store.item(url.toString(), "urn:uuid:latakia").orElseThrow().dateSource())
        .isEqualTo("updated");
    Article aleppo = article(s, "urn:uuid:aleppo");
    assertThat(aleppo.title()).isEqualTo("Aleppo & around");
    assertThat(aleppo.published()).isEqualTo(LocalDate.of(2019, 9, 1));
    assertThat(store.item(url.toString(), "urn:uuid:aleppo").orElseThrow().dateSource())
        .isEqualTo("fetched");
  }

  @Test
  void aMalformedFeedIsRecordedAndTheOthersAreStillPolled() {
    URI bad =
        server.fixed(
            "/broken.rss",
            "application/rss+xml",
            rss(item("x-1", "https://wire.example/x", "X", "Shelling hit Daraa.", null))
                .replace("</channel>", ""));
    URI html = server.fixed("/page.html", "text/html", "<html><body>Not a feed</body></html>");
    URI good =
        server.fixed(
            "/good.rss",
            "application/rss+xml",
            rss(item("g-1", "https://wire.example/g", "Raqqa", "A bombing hit Raqqa.", null)));
    long before = articles();

    List<PollSummary> results = poller().pollAll(List.of(bad, html, good));

    assertThat(results.get(0).status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(results.get(0).error()).startsWith("malformed XML at line 2").contains("channel");
    assertThat(results.get(1).error()).contains("not an RSS or Atom feed").contains("<html>");
    assertThat(results.get(2).status()).isEqualTo(PollSummary.Status.OK);
    assertThat(results.get(2).added()).isEqualTo(1);
    assertThat(articles() - before).as("only the good feed's item").isEqualTo(1);
    FeedStore.Feed recorded = store.feed(bad.toString()).orElseThrow();
    assertThat(recorded.lastStatus()).isEqualTo("failed");
    assertThat(recorded.lastError()).startsWith("malformed XML");
    assertThat(recorded.ingested()).isZero();
  }

  @Test
  void aSlowFeedTimesOutWithoutHoldingUpTheOthers() {
    URI silent =
        server.handle(
            "/silent.rss",
            ex -> {
              sleep(10_000);
              LoopbackFeedServer.send(ex, 200, "application/rss+xml", rss());
            });
    URI trickle =
        server.handle(
            "/trickle.rss",
            ex -> {
              // headers at once, then a byte every 100 ms: only a deadline on the whole body stops
              // it
              ex.sendResponseHeaders(200, 0);
              try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                  out.write(' ');
                  out.flush();
                  sleep(100);
                }
              }
            });
    URI good =
        server.fixed(
            "/after-slow.rss",
            "application/rss+xml",
            rss(
                item(
                    "s-1",
                    "https://wire.example/s",
                    "Deir ez-Zor",
                    "Clashes in Deir ez-Zor.",
                    null)));

    long start = System.nanoTime();
    List<PollSummary> results = poller().pollAll(List.of(silent, trickle, good));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(results.get(0).error()).isEqualTo("no complete answer within 800 ms");
    assertThat(results.get(1).error()).isEqualTo("no complete answer within 800 ms");
    assertThat(results.get(2).added()).isEqualTo(1);
    // both slow feeds were given up on long before they would have finished (10 s each)
    assertThat(took).isLessThan(Duration.ofSeconds(6));
    assertThat(store.feed(silent.toString()).orElseThrow().lastError()).contains("800 ms");
  }

  @Test
  void aFeedOverTheSizeCapIsRefusedWhetherOrNotItDeclaresItsLength() {
    String padding = "<!-- " + "x".repeat(100 * 1024) + " -->";
    String huge =
        rss(item("h-1", "https://wire.example/h", "Huge", "Shelling hit Idlib.", null) + padding);
    URI declared = server.fixed("/declared.rss", "application/rss+xml", huge);
    URI chunked =
        server.handle(
            "/chunked.rss",
            ex -> {
              ex.sendResponseHeaders(200, 0);
              try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                  out.write(huge.getBytes(StandardCharsets.UTF_8));
                }
              }
            });
    long before = articles();

    List<PollSummary> results = poller().pollAll(List.of(declared, chunked));

    assertThat(results.get(0).error()).contains("at most 65536 are read");
    assertThat(results.get(1).error()).contains("larger than 65536 bytes");
    assertThat(articles()).isEqualTo(before);
  }

  @Test
  void itemsRepeatedWithinOneFeedMakeOneArticle() {
    String once =
        item("d-1", "https://wire.example/d", "Daraa", "Protesters marched in Daraa.", null);
    // another guid, same link: the ingester finds the article by its URL
    String sameLink =
        item(
            "d-2",
            "https://wire.example/d",
            "Daraa again",
            "Protesters marched in Daraa again.",
            null);
    URI url = server.fixed("/dups.rss", "application/rss+xml", rss(once, once, sameLink));
    long before = articles();

    PollSummary s = poller().poll(url);

    assertThat(s.added()).isEqualTo(1);
    assertThat(s.seen()).isEqualTo(1);
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(articles() - before).isEqualTo(1);
    FeedStore.Item d2 = store.item(url.toString(), "d-2").orElseThrow();
    assertThat(d2.status()).isEqualTo(FeedStore.ItemStatus.DUPLICATE);
    assertThat(d2.articleId())
        .isEqualTo(store.item(url.toString(), "d-1").orElseThrow().articleId());
  }

  @Test
  void aFeedWithAnExternalEntityIsRefusedAndNothingIsFetched() {
    URI secret = server.fixed("/secret", "text/plain", "Shelling hit Idlib.");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
            + "  <!ENTITY web SYSTEM \""
            + secret
            + "\">\n  <!ENTITY file SYSTEM \"file:///etc/hostname\">\n]>\n"
            + rss(item("e-1", "https://wire.example/e", "&web;", "&file; &web;", null))
                .replaceFirst("<\\?xml[^>]*>\\n", "");
    URI evil = server.fixed("/evil.rss", "application/rss+xml", xxe);
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + "<rss version=\"2.0\"><channel><item><title>&c;</title></item></channel></rss>";
    URI bomb = server.fixed("/bomb.rss", "application/rss+xml", laughs);
    long before = articles();

    List<PollSummary> results = poller().pollAll(List.of(evil, bomb));

    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(PollSummary.Status.FAILED);
              assertThat(r.error()).contains("declares a DTD").contains("refused");
            });
    assertThat(server.requests("/secret")).as("the entity's URL was never fetched").isEmpty();
    assertThat(articles()).isEqualTo(before);
  }

  @Test
  void validatorsAreSentBackAndA304IngestsNothing() {
    AtomicReference<String> body =
        new AtomicReference<>(
            rss(item("t-1", "https://wire.example/t", "Tartus", "A blast hit Tartus.", null)));
    URI etagged = server.feed("/etag.rss", body);
    String lastModified = "Sat, 31 Aug 2019 10:00:00 GMT";
    URI dated =
        server.handle(
            "/last-modified.rss",
            ex -> {
              if (lastModified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                ex.sendResponseHeaders(304, -1);
                return;
              }
              ex.getResponseHeaders().set("Last-Modified", lastModified);
              LoopbackFeedServer.send(
                  ex,
                  200,
                  "application/rss+xml",
                  rss(
                      item(
                          "l-1",
                          "https://wire.example/l",
                          "Palmyra",
                          "Fighting near Palmyra.",
                          null)));
            });

    assertThat(poller().pollAll(List.of(etagged, dated)))
        .extracting(PollSummary::added)
        .containsExactly(1, 1);
    List<PollSummary> again = poller().pollAll(List.of(etagged, dated));

    assertThat(again)
        .extracting(PollSummary::status)
        .containsExactly(PollSummary.Status.NOT_MODIFIED, PollSummary.Status.NOT_MODIFIED);
    assertThat(server.requests("/etag.rss").get(0).getFirst("If-None-Match")).isNull();
    assertThat(server.requests("/etag.rss").get(1).getFirst("If-None-Match"))
        .isEqualTo(store.feed(etagged.toString()).orElseThrow().etag())
        .startsWith("\"");
    assertThat(server.requests("/last-modified.rss").get(1).getFirst("If-Modified-Since"))
        .isEqualTo(lastModified);

    // the feed changes: its new ETag no longer matches, and only the new item is ingested
    body.set(
        body.get()
            .replace(
                "</channel>",
                item("t-2", "https://wire.example/t2", "Tartus", "A second blast hit Tartus.", null)
                    + "</channel>"));
    PollSummary changed = poller().poll(etagged);
    assertThat(changed.added()).isEqualTo(1);
    assertThat(changed.seen()).isEqualTo(1);
  }

  @Test
  void aRefusedItemIsRecordedWithItsReasonAndRetriedOnlyAFewTimes() {
    AtomicReference<String> body = new AtomicReference<>();
    URI url =
        server.handle(
            "/empty-item.rss",
            ex -> LoopbackFeedServer.send(ex, 200, "application/rss+xml", body.get()));
    String empty = item("empty-1", "https://wire.example/empty", null, null, null);
    String future =
        item(
            "future-1",
            "https://wire.example/future",
            "Future",
            "Shelling hit Homs.",
            "Fri, 01 Jan 2100 00:00:00 GMT");
    for (int poll = 0; poll < 5; poll++) {
      body.set(rss(empty, future));
      poller().poll(url);
    }

    FeedStore.Item refused = store.item(url.toString(), "empty-1").orElseThrow();
    assertThat(refused.status()).isEqualTo(FeedStore.ItemStatus.FAILED);
    assertThat(refused.reason()).isEqualTo("Empty article: the article body is empty");
    assertThat(refused.attempts()).isEqualTo(FeedPoller.MAX_ATTEMPTS);
    // a date in the future is the feed's mistake: the article is kept, dated by the fetch
    FeedStore.Item dated = store.item(url.toString(), "future-1").orElseThrow();
    assertThat(dated.status()).isEqualTo(FeedStore.ItemStatus.INGESTED);
    assertThat(dated.dateSource()).isEqualTo("fetched");
    assertThat(store.failedItems(url.toString(), 10))
        .singleElement()
        .satisfies(i -> assertThat(i.link()).isEqualTo("https://wire.example/empty"));
  }

  @Test
  void theCharsetOfTheContentTypeDecodesAFeedWithoutAnEncodingDeclaration() {
    String arabic =
        "\u0642\u0635\u0641 \u0639\u0644\u0649 \u062d\u0644\u0628"; // "shelling on Aleppo"
    String xml =
        "<?xml version=\"1.0\"?>"
            + rss(item(
                    "ar-1",
                    "https://wire.example/ar",
                    arabic,
                    arabic + ". Shelling hit Aleppo.",
                    null))
                .replaceFirst("<\\?xml[^>]*>\\n", "");
    URI url =
        server.handle(
            "/arabic.rss",
            ex -> {
              byte[] bytes = xml.getBytes(java.nio.charset.Charset.forName("windows-1256"));
              ex.getResponseHeaders()
                  .set("Content-Type", "application/rss+xml; charset=windows-1256");
              ex.sendResponseHeaders(200, bytes.length);
              try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
              }
            });

    PollSummary s = poller().poll(url);

    assertThat(s.added()).as(String.valueOf(s.error())).isEqualTo(1);
    assertThat(article(s, "ar-1").title()).isEqualTo(arabic);
  }

  @Test
  void redirectsAreFollowedAFewTimesAndOnlyToHttp() {
    URI target =
        server.fixed(
            "/moved-here.rss",
            "application/rss+xml",
            rss(item("m-1", "https://wire.example/m", "Kobani", "Clashes in Kobani.", null)));
    URI moved = redirect("/moved.rss", target.getPath());
    URI loop = redirect("/loop-a", "/loop-b");
    redirect("/loop-b", "/loop-a");
    URI toFile = redirect("/to-file", "file:///etc/passwd");
    URI missing =
        server.handle("/gone.rss", ex -> LoopbackFeedServer.send(ex, 404, "text/plain", "gone"));

    List<PollSummary> results = poller().pollAll(List.of(moved, loop, toFile, missing));

    assertThat(results.get(0).added()).isEqualTo(1);
    assertThat(results.get(1).error()).startsWith("more than 3 redirects");
    assertThat(results.get(2).error()).startsWith("only http and https feeds are fetched");
    assertThat(results.get(3).error()).startsWith("HTTP 404");
  }

  private URI redirect(String from, String to) {
    return server.handle(
        from,
        ex -> {
          ex.getResponseHeaders().set("Location", to);
          ex.sendResponseHeaders(302, -1);
        });
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
