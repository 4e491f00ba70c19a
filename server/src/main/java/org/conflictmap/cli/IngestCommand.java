package org.conflictmap.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
        "Ingest plain-text articles (a file, or every .txt file under a directory) into the store. "
            + "A file may start with a line 'date YYYY-MM-DD'.")
final class IngestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|DIR", description = "An article file or a directory of them.")
  Path source;

  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() throws IOException {
    List<Path> files = files(source);
    int added = 0;
    int duplicates = 0;
    int events = 0;
    List<String> failed = new ArrayList<>();
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
          String text = Files.readString(f, StandardCharsets.UTF_8);
          IngestResult r = s.ingester().ingest(ArticleText.parse(text, null));
          if (r.duplicate()) {
            duplicates++;
          } else {
            added++;
            events += r.events().size();
          }
        } catch (InputException e) {
          failed.add(f + ": " + e.title() + ": " + e.detail());
        } catch (MalformedInputException e) {
          failed.add(f + ": not UTF-8 text");
        }
        bar.step();
      }
    }
    System.out.printf(
        "%d article(s) added with %d event(s), %d already ingested, %d failed%n",
        added, events, duplicates, failed.size());
    failed.forEach(line -> System.out.println("  failed: " + line));
    return failed.isEmpty() ? 0 : 1;
  }

  private static List<Path> files(Path source) throws IOException {
    if (Files.isRegularFile(source)) {
      return List.of(source);
    }
    if (!Files.isDirectory(source)) {
      throw new InputException(
          InputException.Kind.NOT_FOUND, "No such file", source + " does not exist");
    }
    try (Stream<Path> walk = Files.walk(source)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".txt"))
          .sorted()
          .toList();
    }
  }
}
