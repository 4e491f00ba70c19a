package org.conflictmap.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.conflictmap.eval.CorpusFormat;
import org.conflictmap.eval.CorpusReader;
import org.conflictmap.eval.GoldArticle;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GazetteerStore;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TokenizerPass;

/**
 * Geoparsing speed on the development corpora (LGL and GeoWebNews texts), next to a plain tokenizer
 * pass over the same texts in the same run, plus what the gazetteer costs to load and to keep.
 * Arguments: {@code [EVAL_DIR] [SECONDS]} (default {@code ../shared/eval} and 5 s per timed pass).
 *
 * <p>Goals (issue 3): at least 5 MB/s on one thread, within 5x of the tokenizer; gazetteer and
 * index in at most 300 MB of heap.
 */
public final class GeoparseBench {
  private GeoparseBench() {}

  /** Fresh JVMs the speed is measured in: one JVM's JIT can compile either path luckily. */
  static final int FORKS = 3;

  private static final String CHILD = "--fork-child";

  public static void run(String[] args) throws Exception {
    Path evalDir = Path.of(args.length > 0 ? args[0] : "../shared/eval");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    if (args.length > 2 && args[2].equals(CHILD)) {
      double[] r = speed(evalDir, seconds);
      System.out.printf(Locale.ROOT, "RESULT %f %f %f %f%n", r[0], r[1], r[2], r[3]);
      return;
    }
    Path dataDir = Files.createTempDirectory("conflictmap-bench");
    try {
      loadFigures(dataDir);
    } finally {
      deleteTree(dataDir);
    }
    speedInForks(evalDir, seconds);
  }

  /**
   * The tokenizer yardstick is bimodal across JVMs (about 135 or about 195 MB/s, by how the JIT
   * compiles it), so one JVM's ratio can be off by 40%. Each fork measures both paths in the same
   * run; the table gives every fork and the median ratio.
   */
  private static void speedInForks(Path evalDir, double seconds) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<double[]> runs = new ArrayList<>();
    for (int f = 0; f < FORKS; f++) {
      Process p =
          new ProcessBuilder(
                  javaBin,
                  "-cp",
                  cp,
                  BenchMain.class.getName(),
                  "geoparse",
                  evalDir.toString(),
                  Double.toString(seconds),
                  CHILD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("fork " + (f + 1) + " failed:\n" + out);
      }
      for (String line : out.split("\n")) {
        if (line.startsWith("RESULT ")) {
          String[] v = line.trim().split(" ");
          runs.add(
              new double[] {
                Double.parseDouble(v[1]),
                Double.parseDouble(v[2]),
                Double.parseDouble(v[3]),
                Double.parseDouble(v[4])
              });
        } else if (f == 0 && line.startsWith("texts:")) {
          System.out.println(line);
        }
      }
    }
    System.out.printf("%-28s %10s %10s %10s%n", "one thread, per fork", "docs/s", "MB/s", "ratio");
    double[] ratios = new double[runs.size()];
    double[] scanRatios = new double[runs.size()];
    for (int f = 0; f < runs.size(); f++) {
      double[] r = runs.get(f);
      ratios[f] = r[1] / r[0];
      scanRatios[f] = r[3] / r[0];
      System.out.printf(
          "%-28s %,10.0f %10.2f   (goal >= 5 MB/s)%n",
          "  fork " + (f + 1) + " geoparse", r[2], r[0]);
      System.out.printf(
          "%-28s %10s %10.2f %9.1fx%n",
          "  fork " + (f + 1) + " tokenizer only", "", r[1], ratios[f]);
      System.out.printf(
          "%-28s %10s %10.2f %9.1fx%n",
          "  fork " + (f + 1) + " word scan only", "", r[3], scanRatios[f]);
    }
    Arrays.sort(ratios);
    Arrays.sort(scanRatios);
    System.out.printf(
        "geoparse is %.1fx slower than the tokenizer, median of %d forks (range %.1f-%.1f;"
            + " goal <= 5x)%n",
        ratios[ratios.length / 2], ratios.length, ratios[0], ratios[ratios.length - 1]);
    System.out.printf(
        "and %.1fx slower than a scan for word boundaries alone (no string per word), the pass"
            + " the parser's own document starts from%n",
        scanRatios[scanRatios.length / 2]);
  }

  private static void loadFigures(Path dataDir) {
    var threads = ManagementFactory.getThreadMXBean();
    long heapBefore = Heap.usedAfterGc();
    long t0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    Gazetteer parsed = GazetteerStore.loadUnshared(dataDir); // parses the TSV, writes the index
    long build = System.nanoTime() - t0;
    long buildCpu = threads.getCurrentThreadCpuTime() - c0;
    long heapAfter = Heap.usedAfterGc();
    long indexBytes = sizeOf(dataDir.resolve("gazetteer/index.bin"));
    parsed = null; // let it go before measuring the cached load
    t0 = System.nanoTime();
    c0 = threads.getCurrentThreadCpuTime();
    Gazetteer cached = GazetteerStore.loadUnshared(dataDir); // reads the index
    long read = System.nanoTime() - t0;
    long readCpu = threads.getCurrentThreadCpuTime() - c0;
    long heapCached = Heap.usedAfterGc();
    System.out.printf("gazetteer: %,d places, %,d names%n", cached.size(), cached.nameCount());
    System.out.printf("%-36s %8s %8s%n", "", "wall ms", "cpu ms");
    System.out.printf(
        "  load, parsing the bundled TSV      %8.0f %8.0f%n", build / 1e6, buildCpu / 1e6);
    System.out.printf(
        "  load, reading the cached index     %8.0f %8.0f   (%.1fx less cpu)%n",
        read / 1e6, readCpu / 1e6, (double) buildCpu / readCpu);
    System.out.printf("  cached index file                  %8.1f MB%n", indexBytes / 1e6);
    System.out.printf(
        "  retained heap (gazetteer + index)  %8.1f MB   (goal <= 300)%n",
        (heapAfter - heapBefore) / 1e6);
    System.out.printf(
        "  retained heap after cached load    %8.1f MB%n", (heapCached - heapBefore) / 1e6);
  }

  /** {geoparse MB/s, tokenizer MB/s, geoparse docs/s, word scan MB/s}, measured in this JVM. */
  private static double[] speed(Path evalDir, double seconds) {
    List<String> texts = new ArrayList<>();
    for (String[] corpus : new String[][] {{"lgl.xml", "LGL"}, {"gwn.xml", "GWN"}}) {
      Path file = evalDir.resolve(corpus[0]);
      CorpusFormat format = CorpusFormat.valueOf(corpus[1]);
      for (GoldArticle a : CorpusReader.read(file, format, false).articles()) {
        texts.add(a.text());
      }
    }
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    Geoparser parser = new Geoparser(Gazetteer.loadDefault());
    ToIntFunction<String> geoparse = t -> parser.parse(t).size();
    ToIntFunction<String> tokenize = TokenizerPass::words;
    ToIntFunction<String> scan = TokenizerPass::spans;
    System.out.printf(
        "texts: %,d documents, %.2f MB (LGL + GeoWebNews)%n", texts.size(), bytes / 1e6);
    // warm-up: let the JIT compile both paths before anything is timed
    timed(texts, geoparse, tokenize, scan, Math.min(seconds, 5));
    // timed: each document is geoparsed and then tokenised, so that both see the same machine load
    double[] t = timed(texts, geoparse, tokenize, scan, seconds);
    double gMbs = t[3] * bytes / 1e6 / t[0];
    double kMbs = t[3] * bytes / 1e6 / t[1];
    double sMbs = t[3] * bytes / 1e6 / t[2];
    return new double[] {gMbs, kMbs, t[3] * texts.size() / t[0], sMbs};
  }

  /**
   * Whole passes over the texts for at least this long, each document geoparsed, tokenised and
   * scanned in turn. Returns {seconds geoparsing, seconds tokenising, seconds scanning, passes}.
   */
  private static double[] timed(
      List<String> texts,
      ToIntFunction<String> geoparse,
      ToIntFunction<String> tokenize,
      ToIntFunction<String> scan,
      double seconds) {
    long sink = 0;
    long g = 0;
    long k = 0;
    long sc = 0;
    int passes = 0;
    long end = System.nanoTime() + (long) (seconds * 1e9);
    do {
      for (String text : texts) {
        long t0 = System.nanoTime();
        sink += geoparse.applyAsInt(text);
        long t1 = System.nanoTime();
        sink += tokenize.applyAsInt(text);
        long t2 = System.nanoTime();
        sink += scan.applyAsInt(text);
        long t3 = System.nanoTime();
        g += t1 - t0;
        k += t2 - t1;
        sc += t3 - t2;
      }
      passes++;
    } while (System.nanoTime() < end);
    if (sink == 42) {
      System.out.print(""); // keeps the results alive
    }
    return new double[] {g / 1e9, k / 1e9, sc / 1e9, passes};
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (Exception e) {
      return -1;
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
