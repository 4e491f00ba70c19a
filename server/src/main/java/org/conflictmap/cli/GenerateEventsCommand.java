package org.conflictmap.cli;

import java.util.concurrent.Callable;
import org.conflictmap.App;
import org.conflictmap.problem.InputException;
import org.conflictmap.sample.EventGenerator;
import org.conflictmap.store.BulkEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate-events --count N [--seed S]}: fills a store with realistic generated events. */
@Command(
    name = "generate-events",
    mixinStandardHelpOptions = true,
    description =
        "Add N generated events (around real towns, every type and precision, 2018-2024, some"
            + " reported by several articles) to the store, with their articles and sources, as"
            + " ingest would store them. For benchmarks and trials; never on a real store.")
final class GenerateEventsCommand implements Callable<Integer> {
  /** Far more than any benchmark needs; a typo of a few zeros should not fill the disk. */
  static final long MAX_COUNT = 20_000_000;

  @Option(names = "--count", required = true, paramLabel = "N", description = "Events to add.")
  long count;

  @Option(
      names = "--seed",
      defaultValue = "13",
      paramLabel = "S",
      description = "Random seed (default: 13): the same seed makes the same events.")
  long seed;

  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() {
    if (count < 1 || count > MAX_COUNT) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Invalid count",
          "--count must be between 1 and " + MAX_COUNT + ", got " + count);
    }
    try (App.Services s = App.Services.open(data.config().withSample(false))) {
      // urls and bodies are unique in the store: a second run into the same store gets its own tag
      String run = seed + "-" + s.articles().countArticles();
      EventGenerator generator = new EventGenerator(s.gazetteer(), seed, run);
      BulkEvents bulk = new BulkEvents(s.db());
      long start = System.nanoTime();
      long[] written = {0};
      generator.generate(
          count,
          batch -> {
            written[0] += bulk.write(batch).length;
            if (written[0] % 100_000 < EventGenerator.BATCH) {
              double secs = (System.nanoTime() - start) / 1e9;
              System.err.printf(
                  "%,d events in %.1f s (%.0f events/s)%n", written[0], secs, written[0] / secs);
            }
          });
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "added %,d generated events in %.1f s (%.0f events/s; %.1f s of CPU in all)%n",
          written[0], secs, written[0] / secs, cpuSeconds());
      compact(s, data.config().dataDir().resolve("conflictmap.mv.db"));
    }
    return 0;
  }

  /**
   * Closes the store compacted: a bulk fill leaves the embedded file mostly dead chunks, which
   * every later read pays for (see {@link org.conflictmap.store.Database#closeCompacted}).
   */
  private static void compact(App.Services s, java.nio.file.Path file) {
    long before = size(file);
    long start = System.nanoTime();
    if (s.db().closeCompacted()) {
      System.out.printf(
          "compacted the store from %,d MB to %,d MB in %.1f s%n",
          before >> 20, size(file) >> 20, (System.nanoTime() - start) / 1e9);
    }
  }

  private static long size(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** CPU time of the whole process (this machine is shared, so wall time alone says little). */
  private static double cpuSeconds() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : Double.NaN;
  }
}
