package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.feeds.LoopbackFeedServer.item;
import static org.conflictmap.feeds.LoopbackFeedServer.rss;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.feeds.LoopbackFeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feeds poll}: one poll, a summary per feed, an exit code scripts can act on. */
class FeedsCommandTest {
  @TempDir Path data;

  @Test
  void pollPrintsWhatEachFeedBroughtAndRemembersItsItems() throws Exception {
    try (LoopbackFeedServer server = new LoopbackFeedServer()) {
      URI good =
          server.fixed(
              "/wire.rss",
              "application/rss+xml",
              rss(
                  item(
                      "c-1",
                      "https://wire.example/c1",
                      "Idlib",
                      "Shelling hit Idlib.",
                      "Mon, 26 Aug 2019 09:00:00 GMT"),
                  item(
                      "c-2",
                      "https://wire.example/c2",
                      "Ankara",
                      "Talks were held in Ankara.",
                      "Tue, 27 Aug 2019 09:00:00 GMT")));
      URI bad = server.fixed("/bad.rss", "application/rss+xml", "<rss><channel><item></rss>");

      CliTest.Run first =
          CliTest.run("feeds", "poll", good.toString(), bad.toString(), "--data", data.toString());

      assertThat(first.exit()).as(first.err()).isEqualTo(1);
      assertThat(first.out())
          .contains(good + ": 2 new (")
          .contains("0 already stored, 0 seen, 0 failed")
          .contains(bad + ": feed failed: malformed XML")
          .contains(
              "2 feed(s) polled: 2 new article(s), 0 item(s) seen before, 0 item(s) failed, 1 feed(s) failed");

      CliTest.Run second = CliTest.run("feeds", "poll", good.toString(), "--data", data.toString());
      assertThat(second.exit()).isZero();
      assertThat(second.out())
          .contains(good + ": 0 new (0 event(s)), 0 already stored, 2 seen, 0 failed");

      try (App.Services s = App.Services.open(Config.defaults().withDataDir(data))) {
        assertThat(s.articles().countArticles()).isEqualTo(2);
      }
    }
  }

  @Test
  void withoutUrlsTheConfiguredFeedsArePolled() throws Exception {
    try (LoopbackFeedServer server = new LoopbackFeedServer()) {
      URI feed =
          server.fixed(
              "/configured.rss",
              "application/rss+xml",
              rss(item("k-1", "https://wire.example/k1", "Homs", "Clashes in Homs.", null)));
      Path config = data.resolve("conflictmap.properties");
      Files.writeString(config, "feeds=" + feed + "\ndata=" + data.resolve("db") + "\n");

      CliTest.Run r = CliTest.run("feeds", "poll", "--config", config.toString());

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains(feed + ": 1 new", "undated, dated by the fetch");
    }
  }

  @Test
  void badUsesAreOneLineErrors() throws Exception {
    CliTest.Run none = CliTest.run("feeds", "poll", "--data", data.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("No feeds");
    CliTest.Run file =
        CliTest.run("feeds", "poll", "file:///etc/passwd", "--data", data.toString());
    assertThat(file.exit()).isEqualTo(2);
    assertThat(file.err()).contains("a feed must be an absolute http or https URL");
    for (String[] help : new String[][] {{"feeds", "--help"}, {"feeds", "poll", "--help"}}) {
      CliTest.Run r = CliTest.run(help);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: conflictmap feeds");
    }
    assertThat(CliTest.run("--help").out()).contains("feeds");
  }
}
