package org.conflictmap.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.feeds.FeedFetcher;
import org.conflictmap.feeds.FeedPoller;
import org.conflictmap.feeds.PollSummary;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.FeedStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description = "RSS and Atom feeds: 'feeds poll' fetches them once and ingests new items.",
    subcommands = {FeedsCommand.Poll.class})
final class FeedsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "poll",
      mixinStandardHelpOptions = true,
      description =
          "Poll the configured feeds (the 'feeds' option) or the URLs given, once, and ingest the"
              + " items not seen before. Prints new/seen/failed items per feed.")
  static final class Poll implements Callable<Integer> {
    @Parameters(
        paramLabel = "URL",
        arity = "0..*",
        description = "Feeds to poll instead of the configured ones.")
    List<String> urls = new ArrayList<>();

    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() {
      Config config = data.config();
      List<URI> feeds = urls.isEmpty() ? config.feedUrls() : parse(urls);
      if (feeds.isEmpty()) {
        throw new InputException(
            InputException.Kind.UNPROCESSABLE,
            "No feeds",
            "give feed URLs, or set 'feeds' in the configuration (CONFLICTMAP_FEEDS)");
      }
      List<PollSummary> results;
      try (App.Services s = App.Services.open(config.withSample(false))) {
        FeedPoller poller =
            new FeedPoller(
                new FeedFetcher(FeedFetcher.Limits.defaults()),
                new FeedStore(s.db()),
                s.ingester(),
                Clock.systemUTC());
        results = poller.pollAll(feeds);
      }
      int added = 0;
      int seen = 0;
      int failedItems = 0;
      int failedFeeds = 0;
      for (PollSummary r : results) {
        System.out.println(r.line());
        r.failures().forEach(f -> System.out.println("  failed item: " + f));
        added += r.added();
        seen += r.seen();
        failedItems += r.failed();
        failedFeeds += r.status() == PollSummary.Status.FAILED ? 1 : 0;
      }
      System.out.printf(
          "%d feed(s) polled: %d new article(s), %d item(s) seen before, %d item(s) failed,"
              + " %d feed(s) failed%n",
          results.size(), added, seen, failedItems, failedFeeds);
      return failedFeeds == 0 && failedItems == 0 ? 0 : 1;
    }

    private static List<URI> parse(List<String> raw) {
      List<URI> out = new ArrayList<>();
      for (String s : raw) {
        try {
          out.add(FeedFetcher.checkUrl(new URI(s.strip())));
        } catch (URISyntaxException e) {
          throw new InputException(
              InputException.Kind.UNPROCESSABLE, "Invalid feed URL", "'" + s + "' is not a URL");
        }
      }
      return out;
    }
  }
}
