package org.conflictmap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GazetteerStore;
import org.conflictmap.gazetteer.GeoNamesImport;
import org.conflictmap.problem.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gazetteer import DIR}: a full GeoNames dump in place of the bundled gazetteer. */
@Command(
    name = "gazetteer",
    mixinStandardHelpOptions = true,
    description = "Manage the gazetteer the server uses.",
    subcommands = {GazetteerCommand.Import.class})
final class GazetteerCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import a GeoNames dump (allCountries, alternateNamesV2, admin1CodesASCII, countryInfo;"
            + " .txt or .zip) into the data directory. The server then uses it instead of the"
            + " bundled gazetteer; delete <data>/gazetteer/places.tsv.gz to go back.",
        "The full dump (12 million rows) imports and is served within -Xmx2g; building its"
            + " index takes under a minute, and later starts read it in a few seconds."
      })
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Directory holding the GeoNames files.")
    Path dump;

    @Option(
        names = "--classes",
        split = ",",
        paramLabel = "A,P,...",
        description = "GeoNames feature classes to keep (default: A,P,L,H,T).")
    List<String> classes = List.of("A", "P", "L", "H", "T");

    @Option(names = "--no-index", description = "Do not build the index now (the server will).")
    boolean noIndex;

    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(dump)) {
        throw new InputException(
            InputException.Kind.NOT_FOUND, "no such directory", dump + " is not a directory");
      }
      Set<String> keep = new LinkedHashSet<>();
      for (String c : classes) {
        String k = c.trim().toUpperCase(Locale.ROOT);
        if (!k.matches("[ADHLPRSTUV]")) {
          throw new InputException(
              InputException.Kind.MALFORMED,
              "unknown feature class",
              "'" + c + "' is not a GeoNames feature class (A, H, L, P, R, S, T, U, V)");
        }
        keep.add(k);
      }
      Path dataDir = data.config().dataDir();
      GeoNamesImport.Result r;
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("Importing")
              .setInitialMax(100)
              .setUnit(" %", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .build()) {
        GeoNamesImport importer =
            new GeoNamesImport(
                dump,
                keep,
                warning -> System.err.println("warning: " + warning),
                (file, read, total) -> {
                  bar.setExtraMessage(file);
                  bar.stepTo(total == 0 ? 100 : read * 100 / total);
                });
        r = importer.into(dataDir);
      }
      System.out.printf(
          "imported %,d places into %s (%,d rows of other classes left out, %,d malformed rows"
              + " skipped)%n",
          r.places(), r.file(), r.skipped(), r.badRows());
      if (!noIndex) {
        long t0 = System.nanoTime();
        Gazetteer g = GazetteerStore.loadUnshared(dataDir);
        System.out.printf(
            "index built: %,d places, %,d names (%.1f s)%n",
            g.size(), g.nameCount(), (System.nanoTime() - t0) / 1e9);
      }
      return 0;
    }
  }
}
