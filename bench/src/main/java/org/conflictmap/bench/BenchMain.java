package org.conflictmap.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the named benchmarks: {@code java -jar bench/target/conflictmap-bench.jar [NAME ...]}, all
 * of them when no name is given. Each benchmark prints its own figures next to a baseline measured
 * in the same run, so a slow machine slows both and the ratio stays meaningful.
 */
public final class BenchMain {

  /** One benchmark: takes its arguments, prints its table to standard output. */
  @FunctionalInterface
  interface Benchmark {
    void run(String[] args) throws Exception;
  }

  private static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

  static {
    // Register benchmarks here, one line each, in the order "all" runs them.
    BENCHMARKS.put("feeds", FeedBench::run);
    BENCHMARKS.put("preview", PreviewBench::run);
    BENCHMARKS.put("merge", MergeBench::run);
    BENCHMARKS.put("geoparse", GeoparseBench::run);
    BENCHMARKS.put("zones", ZoneBench::run);
    BENCHMARKS.put("startup", StartupBench::run);
    BENCHMARKS.put("bigimport", BigImportBench::run);
    BENCHMARKS.put("fuzz", FuzzBench::run);
    BENCHMARKS.put("fuzz-http", HttpFuzzBench::run);
    BENCHMARKS.put("soak", SoakBench::run);
    BENCHMARKS.put("api-load", ApiLoadBench::run);
    BENCHMARKS.put("ingest-load", IngestLoadBench::run);
    BENCHMARKS.put("scalemap", ScaleMapBench::run);
    BENCHMARKS.put("export", ExportBench::run);
    BENCHMARKS.put("import", ImportBench::run);
  }

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
      System.out.println(
          "usage: conflictmap-bench [" + String.join("|", BENCHMARKS.keySet()) + "]");
      return;
    }
    if (args.length == 0) {
      for (var e : BENCHMARKS.entrySet()) {
        System.out.println("== " + e.getKey());
        e.getValue().run(new String[0]);
      }
      return;
    }
    Benchmark b = BENCHMARKS.get(args[0]);
    if (b == null) {
      System.err.println(
          "unknown benchmark " + args[0] + "; known: " + String.join(", ", BENCHMARKS.keySet()));
      System.exit(2);
    }
    b.run(Arrays.copyOfRange(args, 1, args.length));
  }
}
