package org.conflictmap.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.conflictmap.eval.CorpusFormat;
import org.conflictmap.eval.CorpusReader;
import org.conflictmap.eval.GoldArticle;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GazetteerStore;
import org.conflictmap.gazetteer.GeoNamesImport;
import org.conflictmap.geoparse.Geoparser;

/**
 * A full-size GeoNames import, measured: writes a synthetic dump of about 12 million rows in
 * GeoNames' formats ({@link GeoNamesDump}) to a temporary directory, imports it with {@link
 * GeoNamesImport} as {@code gazetteer import} does, opens the result twice (the first open builds
 * the cached index, the second reads it: "ready after restart"), and geoparses a few texts with it;
 * each figure beside the bundled gazetteer's, measured in the same run. Deletes everything it
 * wrote.
 *
 * <p>Arguments: {@code [ROWS] [--dump-only DIR] [--open DATA_DIR] [--eval DIR]}. With {@code
 * --dump-only} it only writes the dump into DIR and keeps it, for trying {@code gazetteer import}
 * under various {@code -Xmx}; with {@code --open} it only opens the gazetteer of a data directory
 * twice (deleting its cached index first) and prints the figures. The heap this JVM was given is
 * what the import and the opens must fit in.
 */
final class BigImportBench {
  private BigImportBench() {}

  static void run(String[] args) throws Exception {
    long rows = 12_000_000;
    Path dumpOnly = null;
    Path openOnly = null;
    Path evalDir = Path.of("../shared/eval");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dump-only" -> dumpOnly = Path.of(args[++i]);
        case "--open" -> openOnly = Path.of(args[++i]);
        case "--eval" -> evalDir = Path.of(args[++i]);
        default -> rows = Long.parseLong(args[i].replace("_", ""));
      }
    }
    if (dumpOnly != null) {
      Files.createDirectories(dumpOnly);
      long t0 = System.nanoTime();
      GeoNamesDump.Stats s = new GeoNamesDump(42).write(dumpOnly, rows);
      System.out.printf(
          "wrote %,d rows and %,d alternate names to %s in %.1f s%n",
          s.rows(), s.alternateNames(), dumpOnly, (System.nanoTime() - t0) / 1e9);
      return;
    }
    if (openOnly != null) {
      Opened o = open(openOnly);
      System.out.printf(
          "%,d places, %,d names; first open %.2f s, open after restart %.2f s, index %.1f MB,"
              + " retained heap %.1f MB%n",
          o.gazetteer.size(),
          o.gazetteer.nameCount(),
          o.coldSeconds,
          o.warmSeconds,
          o.indexMb,
          o.heapMb);
      return;
    }
    Path tmp = Files.createTempDirectory("conflictmap-bigimport");
    try {
      measure(tmp, rows, evalDir);
    } finally {
      deleteTree(tmp);
    }
  }

  private static void measure(Path tmp, long rows, Path evalDir) throws Exception {
    System.out.printf(
        "max heap (-Xmx): %,d MB; %d cores%n",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    Path dump = Files.createDirectories(tmp.resolve("dump"));
    long t0 = System.nanoTime();
    GeoNamesDump.Stats stats = new GeoNamesDump(42).write(dump, rows);
    double genSeconds = (System.nanoTime() - t0) / 1e9;
    GeoNamesDump.Files4 files = GeoNamesDump.files(dump);
    System.out.printf(
        "synthetic dump: %,d rows (%,d of them the bundled places), %,d alternate names,"
            + " written in %.1f s%n",
        stats.rows(), stats.bundledRows(), stats.alternateNames(), genSeconds);
    System.out.printf(
        "  allCountries.txt %,.0f MB, alternateNamesV2.txt %,.0f MB%n",
        Files.size(files.allCountries()) / 1e6, Files.size(files.alternates()) / 1e6);

    // the import, as `gazetteer import DIR --no-index` runs it
    Path data = tmp.resolve("data");
    long[] warnings = new long[1];
    t0 = System.nanoTime();
    GeoNamesImport.Result r =
        new GeoNamesImport(
                dump, GeoNamesImport.DEFAULT_CLASSES, w -> warnings[0]++, (f, read, total) -> {})
            .into(data);
    double importSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "import: %,d places kept, %,d of other classes left out, %,d malformed; %.1f s,"
            + " %,.0f rows/s; places.tsv.gz %,.0f MB%n",
        r.places(),
        r.skipped(),
        r.badRows(),
        importSeconds,
        rows / importSeconds,
        Files.size(r.file()) / 1e6);
    // the dump is no longer needed: free the disk before the index is written
    deleteTree(dump);

    Path bundledData = Files.createDirectories(tmp.resolve("bundled"));
    Opened bundled = open(bundledData);
    Opened big = open(data);

    System.out.printf("%n%-40s %12s %12s %8s%n", "", "bundled", "full dump", "ratio");
    row("places", bundled.gazetteer.size(), big.gazetteer.size(), "%,12d");
    row("folded names", bundled.gazetteer.nameCount(), big.gazetteer.nameCount(), "%,12d");
    row("first open, builds the index (s)", bundled.coldSeconds, big.coldSeconds, "%12.2f");
    row("open after restart, reads it (s)", bundled.warmSeconds, big.warmSeconds, "%12.2f");
    row("cached index file (MB)", bundled.indexMb, big.indexMb, "%12.1f");
    row("retained heap after open (MB)", bundled.heapMb, big.heapMb, "%12.1f");

    List<String> texts = texts(evalDir);
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    double[] bundledSpeed = speed(new Geoparser(bundled.gazetteer), texts, bytes);
    double[] bigSpeed = speed(new Geoparser(big.gazetteer), texts, bytes);
    System.out.printf(
        "geoparse: %,d texts, %.2f MB, 5 s each after a warm-up%n", texts.size(), bytes / 1e6);
    row("  geoparse MB/s", bundledSpeed[0], bigSpeed[0], "%12.2f");
    row("  places found per text", bundledSpeed[1], bigSpeed[1], "%12.2f");
  }

  private record Opened(
      Gazetteer gazetteer, double coldSeconds, double warmSeconds, double indexMb, double heapMb) {}

  /** Opens a data directory's gazetteer twice: building the index, then reading it. */
  private static Opened open(Path dataDir) throws Exception {
    Files.deleteIfExists(dataDir.resolve("gazetteer/index.bin"));
    long before = Heap.usedAfterGc();
    long t0 = System.nanoTime();
    Gazetteer g = GazetteerStore.loadUnshared(dataDir);
    double cold = (System.nanoTime() - t0) / 1e9;
    g = null; // the store lets it go when it remembers the next one
    t0 = System.nanoTime();
    g = GazetteerStore.loadUnshared(dataDir);
    double warm = (System.nanoTime() - t0) / 1e9;
    double heap = (Heap.usedAfterGc() - before) / 1e6;
    double index = Files.size(dataDir.resolve("gazetteer/index.bin")) / 1e6;
    return new Opened(g, cold, warm, index, heap);
  }

  private static void row(String what, double bundled, double big, String format) {
    boolean whole = format.endsWith("d");
    System.out.printf(
        "%-40s " + format + " " + format + " %7.1fx%n",
        what,
        whole ? (Object) (long) bundled : (Object) bundled,
        whole ? (Object) (long) big : (Object) big,
        big / Math.max(bundled, 1e-9));
  }

  /** The LGL and GeoWebNews texts when they are at hand, else a few news-like sentences. */
  private static List<String> texts(Path evalDir) {
    List<String> texts = new ArrayList<>();
    for (String[] corpus : new String[][] {{"lgl.xml", "LGL"}, {"gwn.xml", "GWN"}}) {
      Path file = evalDir.resolve(corpus[0]);
      if (Files.isRegularFile(file)) {
        for (GoldArticle a :
            CorpusReader.read(file, CorpusFormat.valueOf(corpus[1]), false).articles()) {
          texts.add(a.text());
        }
      }
    }
    if (texts.isEmpty()) {
      texts.add(
          "Shelling hit Maarat al-Numan and Saraqib in Idlib province, Syria, on Tuesday, while"
              + " Turkish forces moved toward Afrin from Kilis.");
      texts.add(
          "Police in Lexington, Kentucky, said a storm damaged homes in Laurel County and in"
              + " London, Ky., before moving east toward Hazard.");
      texts.add(
          "Protesters gathered in Kharkiv and Odesa as Ukraine and Russia traded accusations over"
              + " the Zaporizhzhia plant on the Dnipro river.");
    }
    return texts;
  }

  /** {MB/s, places per text} over five seconds after a short warm-up. */
  private static double[] speed(Geoparser parser, List<String> texts, long bytes) {
    long found = 0;
    int passes = 0;
    for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
      for (String t : texts) {
        found += parser.parse(t).size();
      }
    }
    found = 0;
    long t0 = System.nanoTime();
    long end = t0 + 5_000_000_000L;
    do {
      for (String t : texts) {
        found += parser.parse(t).size();
      }
      passes++;
    } while (System.nanoTime() < end);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new double[] {passes * bytes / 1e6 / seconds, found / (double) (passes * texts.size())};
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
