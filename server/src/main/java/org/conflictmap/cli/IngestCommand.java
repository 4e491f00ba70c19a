package org.conflictmap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.conflictmap.App;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.IngestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingest plain-text articles (a file, or every .txt file under a directory and its"
            + " subdirectories; hidden files and folders are skipped) into the store. A file may"
            + " start with a line 'date YYYY-MM-DD'.")
final class IngestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|DIR", description = "An article file or a directory of them.")
  Path source;

  @Mixin DataOptions data = new DataOptions();

  /** At most this many skipped files are listed one by one; the rest are counted. */
  private static final int LISTED_SKIPS = 20;

  @Override
  public Integer call() throws IOException {
    ArticleFiles.Listing listing = ArticleFiles.list(source);
    List<Path> files = listing.files();
    int added = 0;
    int duplicates = 0;
    int events = 0;
    List<String> failed = new ArrayList<>();
    listing.unreadable().forEach(u -> failed.add(u.toString()));
    try (App.Services s = App.Services.open(data.config().withSample(false));
        ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("Ingesting")
                .setInitialMax(files.size())
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build()) {
      for (Path f : files) {
        try {
          IngestResult r = s.ingester().ingest(ArticleText.parse(ArticleFiles.read(f), null));
          if (r.duplicate()) {
            duplicates++;
          } else {
            added++;
            events += r.events().size();
          }
        } catch (InputException e) {
          failed.add(f + ": " + e.title() + ": " + e.detail());
        } catch (IOException e) {
          // one unreadable file (permissions, removed meanwhile) must not end the whole run
          failed.add(f + ": cannot be read: " + e.getClass().getSimpleName());
        }
        bar.step();
      }
    }
    List<ArticleFiles.Skipped> skipped = listing.skipped();
    System.out.printf(
        "%d article(s) added with %d event(s), %d already ingested, %d failed, %d skipped%n",
        added, events, duplicates, failed.size(), skipped.size());
    failed.forEach(line -> System.out.println("  failed: " + line));
    skipped.stream().limit(LISTED_SKIPS).forEach(line -> System.out.println("  skipped: " + line));
    if (skipped.size() > LISTED_SKIPS) {
      System.out.println("  skipped: ... and " + (skipped.size() - LISTED_SKIPS) + " more");
    }
    if (files.isEmpty() && failed.isEmpty()) {
      System.out.println("no .txt files found under " + source);
    }
    return failed.isEmpty() ? 0 : 1;
  }
}
