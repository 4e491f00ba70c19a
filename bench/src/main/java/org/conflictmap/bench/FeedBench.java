package org.conflictmap.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.conflictmap.feeds.FeedFetcher;
import org.conflictmap.feeds.FeedParser;
import org.conflictmap.feeds.ParsedFeed;

/**
 * Feed reading cost: {@link FeedParser} (hardened DOM parse, item extraction, HTML to text, dates)
 * against a bare DOM parse of the same bytes, and {@link FeedFetcher} (capped streaming body,
 * deadline) against a plain {@code HttpClient} fetch, over loopback. Argument: items in the feed
 * (default 2000, about 3 MB).
 */
final class FeedBench {
  private FeedBench() {}

  static void run(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    byte[] feed = feed(items);
    double mb = feed.length / 1e6;
    System.out.printf(Locale.ROOT, "feed: %d items, %.2f MB%n", items, mb);

    DocumentBuilderFactory plain = DocumentBuilderFactory.newInstance();
    plain.setNamespaceAware(true);
    URI base = URI.create("https://wire.example/feed.rss");
    FeedParser.parse(feed, base);
    double domMs =
        time(
            () ->
                plain
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(feed))
                    .getDocumentElement());
    double parserMs =
        time(
            () -> {
              ParsedFeed f = FeedParser.parse(feed, base);
              if (f.items().size() != items) {
                throw new IllegalStateException("lost items");
              }
              return f;
            });
    System.out.printf(Locale.ROOT, "%-40s %9s %9s %7s%n", "", "ms/feed", "MB/s", "ratio");
    row("bare DOM parse (baseline)", domMs, mb, domMs);
    row("FeedParser.parse (items as plain text)", parserMs, mb, domMs);

    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/feed.rss",
        ex -> {
          ex.sendResponseHeaders(200, feed.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(feed);
          }
        });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.rss");
      HttpClient client = HttpClient.newHttpClient();
      FeedFetcher fetcher =
          new FeedFetcher(
              new FeedFetcher.Limits(Duration.ofSeconds(5), Duration.ofSeconds(30), 8L << 20, 5));
      // one warm-up pass of each before either is measured, so neither pays for the other's JIT
      time(() -> fetcher.fetch(url, FeedFetcher.Validators.NONE).body());
      double plainMs =
          time(
              () ->
                  client
                      .send(
                          HttpRequest.newBuilder(url).build(),
                          HttpResponse.BodyHandlers.ofByteArray())
                      .body());
      double fetcherMs = time(() -> fetcher.fetch(url, FeedFetcher.Validators.NONE).body());
      row("HttpClient ofByteArray (baseline)", plainMs, mb, plainMs);
      row("FeedFetcher.fetch (capped, deadline)", fetcherMs, mb, plainMs);
    } finally {
      server.stop(0);
    }
  }

  private static void row(String name, double ms, double mb, double baselineMs) {
    System.out.printf(
        Locale.ROOT, "%-40s %9.2f %9.1f %7.2f%n", name, ms, mb / (ms / 1000), ms / baselineMs);
  }

  interface Work {
    Object run() throws Exception;
  }

  /** The mean of 20 rounds after 10 discarded ones, so the JIT and the connection are warm. */
  private static double time(Work w) throws Exception {
    for (int i = 0; i < 10; i++) {
      w.run();
    }
    int rounds = 20;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      w.run();
    }
    return (System.nanoTime() - start) / 1e6 / rounds;
  }

  private static byte[] feed(int items) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>Bench wire</title>");
    for (int i = 0; i < items; i++) {
      b.append("<item><guid>tag:wire.example,2019:")
          .append(i)
          .append("</guid><link>https://wire.example/story/")
          .append(i)
          .append("</link><title>Shelling near Idlib, story ")
          .append(i)
          .append(
              "</title><pubDate>Tue, 27 Aug 2019 10:00:00 +0300</pubDate><description><![CDATA[");
      for (int p = 0; p < 4; p++) {
        b.append("<p>Government forces shelled villages south of <b>Idlib</b> on Tuesday, ")
            .append("residents said, and at least 12 civilians were killed &amp; 30 injured. ")
            .append("<a href=\"https://wire.example/x\">More</a> from the <em>Syrian</em> ")
            .append("Observatory.</p>");
      }
      b.append("]]></description></item>");
    }
    return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }
}
