package org.conflictmap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.sample.EventGenerator;
import org.conflictmap.store.BulkEvents;
import org.conflictmap.store.Database;

/**
 * {@code api-load --events N [--data DIR] [--seconds S] [--scales world,country,city]
 * [--connections 1,8,32] [--conditional]}: {@code /api/events} under load on a generated store of N
 * events (built once with the generator, then reused), at 1, 8 and 32 connections, for bbox + time
 * at world, country and city scale; beside each, a static file of the same size served by the same
 * server in the same run. Loopback only; every cell runs S seconds (default 5) after a one-second
 * warm-up.
 */
final class ApiLoadBench {
  private static final int[] CONNECTIONS = {1, 8, 32};

  /** Where the static twins go: on the classpath the server serves /public from. */
  private static final Path STATIC_ROOT = Path.of("/tmp/conflictmap-bench-static");

  private ApiLoadBench() {}

  /** A scale of query: a name and a request path per random draw. */
  record Scale(String name, Function<SplittableRandom, String> path) {}

  static void run(String[] args) throws Exception {
    long events = 100_000;
    Path data = null;
    int seconds = 5;
    Set<String> only = Set.of();
    int[] connections = CONNECTIONS;
    boolean conditional = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[++i]);
        case "--scales" -> only = Set.of(args[++i].split(","));
        case "--conditional" -> conditional = true;
        case "--connections" ->
            connections = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--data" -> data = Path.of(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (events < 1
        || events > 5_000_000
        || seconds < 1
        || seconds > 60
        || Arrays.stream(connections).anyMatch(c -> c < 1 || c > 256)) {
      throw new IllegalArgumentException(
          "--events 1..5000000, --seconds 1..60, --connections 1..256 each");
    }
    if (data == null) {
      data = Path.of(events == 1_000_000 ? "/tmp/conflictmap-1m" : "/tmp/conflictmap-" + events);
    }
    fill(data, events);
    // the twins' folder must exist when the server starts, or the server never finds files put
    // there later (on a first run every static request was a 404, and its thread died silently)
    Files.createDirectories(STATIC_ROOT.resolve("public/bench"));
    Config config = Config.defaults().withPort(0).withDataDir(data).withSample(false);
    try (App app = App.start(config)) {
      String base = "http://127.0.0.1:" + app.port();
      List<Scale> scales = scales();
      System.out.printf(
          "api-load: %,d events in %s, %d s per cell, loopback%n", events, data, seconds);
      System.out.printf(
          "%-8s %5s %9s %9s %9s %9s %9s %9s %9s %8s %9s %9s %8s%n",
          "scale",
          "conns",
          "bytes",
          "api p50",
          "api p99",
          "api r/s",
          "api errs",
          "file p50",
          "file p99",
          "file r/s",
          "file errs",
          "api/file",
          "heap MB");
      for (Scale s : scales) {
        if (!only.isEmpty() && !only.contains(s.name())) {
          continue;
        }
        Sizes sizes = sizes(base, s);
        System.out.printf(
            "%s: e.g. %s; %d draws: %.0f features (%d-%d), %.0f matched, %,.0f bytes (%,d-%,d);"
                + " static twin %,d bytes%n",
            s.name(),
            sizes.example(),
            SIZE_DRAWS,
            sizes.features(),
            sizes.minFeatures(),
            sizes.maxFeatures(),
            sizes.matched(),
            sizes.bytes(),
            sizes.minBytes(),
            sizes.maxBytes(),
            (int) sizes.bytes());
        String file = staticTwin(s.name(), (int) Math.round(sizes.bytes()));
        for (int conns : connections) {
          Result api = load(base, s.path(), conns, seconds, conditional);
          Result stat = load(base, r -> file, conns, seconds, false);
          System.out.printf(
              "%-8s %5d %9.0f %7.1fms %7.1fms %9.1f %9d %7.1fms %7.1fms %9.1f %9d %8.0f%% %8d%n",
              s.name(),
              conns,
              sizes.bytes(),
              api.p50(),
              api.p99(),
              api.rate(),
              api.errors(),
              stat.p50(),
              stat.p99(),
              stat.rate(),
              stat.errors(),
              100 * api.rate() / stat.rate(),
              Heap.usedAfterGc() >> 20);
          if (api.firstError() != null) {
            System.out.println("  first api error: " + api.firstError());
          }
          if (stat.firstError() != null) {
            System.out.println("  first file error: " + stat.firstError());
          }
        }
      }
      System.out.println("heap MB: after GC, server and load driver, at the end of the cell");
      System.out.println(
          "baseline (issue 13, before): world bbox 3.7 s @100k, 211 s @1M;"
              + " country+month p99 3.8 s @100k/32 conns, 15.5 s @1M;"
              + " 0.2-6.5% of the static rate. Goals: p99 <= 50 ms at 32 conns, >= 50% of static,"
              + " heap <= 1 GB.");
    }
  }

  /**
   * World (a year), a country (Syria, Ukraine, Nigeria, Colombia; a month) and a city (Aleppo,
   * Kyiv, Lagos, Bogota; a year). Every request draws its own window (any start day of the stored
   * years) and, below world scale, its own box (each edge moved by up to a tenth of the box's
   * size), so no two requests are alike and no cache of answers could serve the run.
   */
  static List<Scale> scales() {
    double[][] countries = {
      {35.5, 32.3, 42.4, 37.3},
      {22.1, 44.4, 40.2, 52.4},
      {2.7, 4.2, 14.7, 13.9},
      {-79.0, -4.2, -66.9, 12.5}
    };
    double[][] cities = {
      {37.0, 36.1, 37.3, 36.3},
      {30.3, 50.3, 30.8, 50.6},
      {3.2, 6.4, 3.6, 6.7},
      {-74.2, 4.5, -74.0, 4.8}
    };
    return List.of(
        new Scale("world", r -> "/api/events?bbox=-180,-90,180,90&datetime=" + window(r, 365)),
        new Scale(
            "country", r -> "/api/events?bbox=" + box(r, countries) + "&datetime=" + window(r, 30)),
        new Scale(
            "city", r -> "/api/events?bbox=" + box(r, cities) + "&datetime=" + window(r, 365)));
  }

  /** The generator's first and last day (2018-2024). */
  private static final LocalDate FIRST = LocalDate.of(2018, 1, 1);

  private static final LocalDate LAST = LocalDate.of(2024, 12, 31);

  /** {@code days} days from a start drawn uniformly so the window lies inside the stored years. */
  static String window(SplittableRandom r, int days) {
    long span = LAST.toEpochDay() - FIRST.toEpochDay() + 1 - days;
    LocalDate from = FIRST.plusDays(r.nextLong(span + 1));
    return from + "/" + from.plusDays(days - 1);
  }

  /** One of the boxes, each edge moved by up to a tenth of its width or height, in or out. */
  static String box(SplittableRandom r, double[][] boxes) {
    double[] b = boxes[r.nextInt(boxes.length)];
    double dx = (b[2] - b[0]) / 10;
    double dy = (b[3] - b[1]) / 10;
    return String.format(
        Locale.ROOT,
        "%.4f,%.4f,%.4f,%.4f",
        b[0] + dx * (2 * r.nextDouble() - 1),
        b[1] + dy * (2 * r.nextDouble() - 1),
        b[2] + dx * (2 * r.nextDouble() - 1),
        b[3] + dy * (2 * r.nextDouble() - 1));
  }

  /** How many requests of each scale are drawn to measure its answers before the load. */
  private static final int SIZE_DRAWS = 40;

  /** What a scale's answers hold, over {@link #SIZE_DRAWS} draws: means, then least and most. */
  record Sizes(
      String example,
      double features,
      int minFeatures,
      int maxFeatures,
      double matched,
      double bytes,
      int minBytes,
      int maxBytes) {}

  /**
   * Draws requests of the scale with a seed of its own and reads what comes back, so the static
   * twin has the mean size of the answers the load will get, not the size of one of them.
   */
  private static Sizes sizes(String base, Scale s) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    SplittableRandom r = new SplittableRandom(1_000_003);
    String example = null;
    long features = 0;
    long matched = 0;
    long bytes = 0;
    int minF = Integer.MAX_VALUE;
    int maxF = 0;
    int minB = Integer.MAX_VALUE;
    int maxB = 0;
    for (int i = 0; i < SIZE_DRAWS; i++) {
      String path = s.path().apply(r);
      if (example == null) {
        example = path;
      }
      byte[] body = get(client, base + path);
      var tree = json.readTree(body);
      int n = tree.path("numberReturned").asInt();
      features += n;
      matched +=
          tree.has("numberMatched")
              ? tree.get("numberMatched").asLong()
              : tree.path("numberMatchedAtLeast").asLong();
      bytes += body.length;
      minF = Math.min(minF, n);
      maxF = Math.max(maxF, n);
      minB = Math.min(minB, body.length);
      maxB = Math.max(maxB, body.length);
    }
    return new Sizes(
        example,
        features / (double) SIZE_DRAWS,
        minF,
        maxF,
        matched / (double) SIZE_DRAWS,
        bytes / (double) SIZE_DRAWS,
        minB,
        maxB);
  }

  /**
   * A file of exactly this many bytes under the static root, served by the same server as {@code
   * /bench/NAME.json} when the root is on the classpath (see the README), else the nearest file the
   * web jar has, scaled: the figure then says so.
   */
  private static String staticTwin(String name, int size) throws IOException {
    Path dir = STATIC_ROOT.resolve("public/bench");
    Files.createDirectories(dir);
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[size - 1] = '}';
    Files.write(dir.resolve(name + ".json"), body);
    return "/bench/" + name + ".json";
  }

  /**
   * Percentiles and rate of the answered requests (status 200) started after the warm-up; errors
   * (another status, an I/O failure, a timeout) are counted apart and not in the rate.
   */
  private record Result(double p50, double p99, double rate, long errors, String firstError) {}

  /**
   * With {@code conditional}, each connection sends back the ETag it last got for a URL, as a
   * browser's cache would: on a store nothing writes to, every repeat is a 304.
   */
  private static Result load(
      String base,
      Function<SplittableRandom, String> path,
      int conns,
      int seconds,
      boolean conditional)
      throws InterruptedException {
    long warmEnd = System.nanoTime() + 1_000_000_000L;
    long end = warmEnd + seconds * 1_000_000_000L;
    List<long[]> samples = new ArrayList<>();
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> firstError =
        new java.util.concurrent.atomic.AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < conns; t++) {
      long[] mine = new long[200_000];
      samples.add(mine);
      int seed = t;
      Thread th =
          new Thread(
              () -> {
                HttpClient client =
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                SplittableRandom random = new SplittableRandom(seed);
                java.util.Map<String, String> tags = conditional ? new java.util.HashMap<>() : null;
                int n = 0;
                long answered = 0;
                long finished = 0; // started after the warm-up, answered or failed
                // past the end a thread still waits for one measured answer (up to a minute), so
                // a cell whose answers all take longer than it lasts shows them, not 0 req/s
                long latest = end + 60_000_000_000L;
                while (System.nanoTime() < end || (finished == 0 && System.nanoTime() < latest)) {
                  long start = System.nanoTime();
                  boolean ok;
                  try {
                    get(client, base + path.apply(random), tags);
                    ok = true;
                  } catch (IOException | RuntimeException e) {
                    ok = false;
                    if (start >= warmEnd) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, e.toString());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                  long stop = System.nanoTime();
                  if (start >= warmEnd) {
                    finished++;
                  }
                  // every request started after the warm-up counts, however long it takes, so a
                  // slow query is measured rather than dropped; the cell then lasts longer
                  if (ok && start >= warmEnd) {
                    answered++;
                    if (n < mine.length - 1) {
                      mine[n++] = stop - start;
                    }
                  }
                }
                mine[mine.length - 1] = n;
                done.addAndGet(answered);
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    double elapsed = Math.max(seconds, (System.nanoTime() - warmEnd) / 1e9);
    int kept = 0;
    for (long[] s : samples) {
      kept += (int) s[s.length - 1];
    }
    long[] all = new long[kept];
    int k = 0;
    for (long[] s : samples) {
      int n = (int) s[s.length - 1];
      System.arraycopy(s, 0, all, k, n);
      k += n;
    }
    Arrays.sort(all);
    if (all.length == 0) {
      return new Result(Double.NaN, Double.NaN, 0, errors.get(), firstError.get());
    }
    return new Result(
        all[(int) (all.length * 0.50)] / 1e6,
        all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6,
        done.get() / elapsed,
        errors.get(),
        firstError.get());
  }

  private static byte[] get(HttpClient client, String url)
      throws IOException, InterruptedException {
    return get(client, url, null);
  }

  /** A GET that must answer 200, or 304 when {@code tags} holds this URL's last ETag. */
  private static byte[] get(HttpClient client, String url, java.util.Map<String, String> tags)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
    String tag = tags == null ? null : tags.get(url);
    if (tag != null) {
      b.header("If-None-Match", tag);
    }
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 304 && tag != null) {
      return r.body();
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    if (tags != null) {
      r.headers().firstValue("ETag").ifPresent(t -> tags.put(url, t));
    }
    return r.body();
  }

  /** Generates events into the store until it holds at least {@code events}. */
  private static void fill(Path data, long events) throws IOException {
    try (Database db = Database.embedded(data)) {
      long have = count(db);
      if (have >= events) {
        System.out.printf("reusing %s (%,d events)%n", data, have);
        return;
      }
      long start = System.nanoTime();
      BulkEvents bulk = new BulkEvents(db);
      new EventGenerator(Gazetteer.loadDefault(), 13, "bench-" + have)
          .generate(events - have, bulk::write);
      System.out.printf(
          "generated %,d events in %.1f s%n", events - have, (System.nanoTime() - start) / 1e9);
      // as generate-events does: a bulk-filled file is mostly dead chunks until compacted
      Path file = data.resolve("conflictmap.mv.db");
      long size = Files.size(file);
      long compacting = System.nanoTime();
      db.closeCompacted();
      System.out.printf(
          "compacted %,d MB to %,d MB in %.1f s%n",
          size >> 20, Files.size(file) >> 20, (System.nanoTime() - compacting) / 1e9);
    }
  }

  private static long count(Database db) {
    return db.inTransaction(
        c -> {
          try (var ps = c.prepareStatement("SELECT COUNT(*) FROM events");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
