package org.conflictmap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.store.TokenStore;

/**
 * Articles per second through {@code POST /api/articles} over loopback HTTP, with CLIENTS
 * concurrent clients, each article distinct (templates over gazetteer towns, several events each;
 * one in five re-reports an earlier event, so merging runs), into (a) an empty store and (b) a
 * store of a million events ({@link MillionEvents}). Then a 500 KB article posted twice: the first
 * post is parsed, the re-post is found as a duplicate before parsing (what every re-post cost
 * before). The baseline is the measurement of the code before (57, 19 and 0.3 articles/s).
 * Arguments: {@code [CLIENTS=8] [ARTICLES=1000] [BIG_STORE_DIR=/tmp/conflictmap-ingest-1m]
 * [EVENTS=1000000]}.
 */
final class IngestLoadBench {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final String[] TEMPLATES = {
    "Shelling hit %s, %s, on %s, killing %d civilians.",
    "Clashes between government forces and rebels near %s, %s, on %s left %d fighters dead.",
    "An airstrike on %s, %s, on %s killed %d people.",
    "Gunmen attacked a village near %s, %s, on %s, killing %d residents.",
    "A roadside bomb exploded in %s, %s, on %s, killing %d soldiers.",
  };
  private static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 1);
  private static final int DAYS = 7 * 365;
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestLoadBench() {}

  /** A town an article can name, with the country name that pins it down. */
  record Town(
      String key,
      String name,
      String country,
      String countryCode,
      double lat,
      double lon,
      long population) {}

  static void run(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int articles = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Path big = Path.of(args.length > 2 ? args[2] : "/tmp/conflictmap-ingest-1m");
    int events = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    List<Town> towns = towns(Gazetteer.loadDefault());
    System.out.printf(
        "ingest-load: %d clients, %d articles per store, %d towns%n",
        clients, articles, towns.size());

    Path empty = Files.createTempDirectory("conflictmap-ingest-empty");
    Result a;
    Duplicate dup;
    try {
      try (App app = start(empty)) {
        a = load(app, clients, articles, towns, "empty");
        dup = duplicate(app);
      }
    } finally {
      MillionEvents.deleteTree(empty);
    }
    long stored = MillionEvents.ensure(big, events, towns);
    Result b;
    try (App app = start(big)) {
      b = load(app, clients, articles, towns, "1m");
    }

    System.out.printf(
        "%-34s %9s %9s %9s %7s %9s %10s%n",
        "store", "art/s", "p50 ms", "p99 ms", "errors", "events/a", "baseline");
    a.print("empty", 57);
    b.print(String.format(Locale.ROOT, "%,d events", stored), 0.3);
    System.out.printf(
        "goal: >= 300 articles/s into the 1M store: %s (%.0f)%n",
        b.perSecond() >= 300 ? "met" : "NOT met", b.perSecond());
    System.out.printf(
        "500 KB article: first post (parsed) %.0f ms, re-post (duplicate, not parsed) %.1f ms,"
            + " %.0fx faster; before, every re-post was parsed (issue 12: ~8 s)%n",
        dup.firstMs, dup.repostMs, dup.firstMs / Math.max(0.01, dup.repostMs));
  }

  private static App start(Path dir) {
    return App.start(Config.defaults().withPort(0).withDataDir(dir).withSample(false));
  }

  static List<Town> towns(Gazetteer g) {
    List<Town> out = new ArrayList<>();
    for (Place p : g.places()) {
      if (p.precision() != Precision.TOWN || p.population() < 150_000) {
        continue;
      }
      var country = g.country(p.countryCode());
      // a name the text can carry as it is: letters, spaces and hyphens only
      if (country.isPresent() && p.name().matches("[A-Z][A-Za-z' -]+")) {
        out.add(
            new Town(
                p.key(),
                p.name(),
                country.get().name(),
                p.countryCode(),
                p.lat(),
                p.lon(),
                p.population()));
      }
    }
    return out;
  }

  /** Cumulative population weights, so big towns are named (and filled) more often. */
  static Town pick(List<Town> towns, long[] cumulative, Random r) {
    long x = (long) (r.nextDouble() * cumulative[cumulative.length - 1]);
    int i = Arrays.binarySearch(cumulative, x + 1);
    return towns.get(i >= 0 ? i : Math.min(-i - 1, towns.size() - 1));
  }

  static long[] weights(List<Town> towns) {
    long[] c = new long[towns.size()];
    long sum = 0;
    for (int i = 0; i < c.length; i++) {
      sum += towns.get(i).population();
      c[i] = sum;
    }
    return c;
  }

  private record Article(String url, String json) {}

  /** Distinct articles: a run id and serial make every text and url new, even in a reused store. */
  private static List<Article> articles(int n, List<Town> towns, String run) throws Exception {
    Random r = new Random(run.hashCode());
    long[] cumulative = weights(towns);
    List<String> told = new ArrayList<>();
    List<LocalDate> toldOn = new ArrayList<>();
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate published = FIRST_DAY.plusDays(r.nextInt(DAYS));
      StringBuilder body = new StringBuilder();
      if (i > 10 && r.nextInt(5) == 0) {
        // a re-report of an event another article told, with its own toll
        int j = r.nextInt(told.size());
        published = toldOn.get(j);
        body.append(told.get(j).replaceAll("\\d+ (\\w+)\\.$", (2 + r.nextInt(9)) + " $1."))
            .append(' ');
      }
      int sentences = 2 + r.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        Town t = pick(towns, cumulative, r);
        String sentence =
            String.format(
                Locale.ROOT,
                TEMPLATES[r.nextInt(TEMPLATES.length)],
                t.name(),
                t.country(),
                DAY.format(published),
                1 + r.nextInt(20));
        body.append(sentence).append(' ');
        if (s == 0) {
          told.add(sentence);
          toldOn.add(published);
        }
      }
      body.append("Report ").append(run).append('-').append(i).append('.');
      Map<String, String> a =
          Map.of(
              "title",
              "Fighting report " + i,
              "body",
              body.toString(),
              "url",
              "https://bench.example/" + run + "/" + i,
              "published",
              published.toString());
      out.add(new Article("https://bench.example/" + run + "/" + i, JSON.writeValueAsString(a)));
    }
    return out;
  }

  record Result(int ok, int errors, double seconds, double p50, double p99, double eventsPer) {
    double perSecond() {
      return ok / seconds;
    }

    void print(String store, double baseline) {
      System.out.printf(
          "%-34s %9.1f %9.1f %9.1f %7d %9.2f %10s%n",
          store, perSecond(), p50, p99, errors, eventsPer, baseline + "/s (issue 13)");
    }
  }

  private static Result load(App app, int clients, int n, List<Town> towns, String label)
      throws Exception {
    String run = label + "-" + Long.toString(System.currentTimeMillis(), 36);
    String token = app.tokens().create("bench-" + run, TokenStore.Role.EDITOR).secret();
    URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/articles");
    // warm-up: JIT, connections, caches; not counted
    post(articles(Math.max(50, n / 10), towns, run + "w"), clients, uri, token);
    List<Article> batch = articles(n, towns, run);
    long t0 = System.nanoTime();
    Posted p = post(batch, clients, uri, token);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] ms = p.latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Result(
        p.ok.get(),
        p.errors.get(),
        seconds,
        percentile(ms, 0.50),
        percentile(ms, 0.99),
        p.events.get() / (double) Math.max(1, p.ok.get()));
  }

  private record Posted(
      List<Double> latencies, AtomicInteger ok, AtomicInteger errors, AtomicInteger events) {}

  private static Posted post(List<Article> batch, int clients, URI uri, String token)
      throws Exception {
    Posted p =
        new Posted(
            java.util.Collections.synchronizedList(new ArrayList<>()),
            new AtomicInteger(),
            new AtomicInteger(),
            new AtomicInteger());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  HttpClient http =
                      HttpClient.newBuilder()
                          .version(HttpClient.Version.HTTP_1_1)
                          .connectTimeout(Duration.ofSeconds(5))
                          .build();
                  for (int i; (i = next.getAndIncrement()) < batch.size(); ) {
                    HttpRequest req =
                        HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(batch.get(i).json()))
                            .build();
                    long t = System.nanoTime();
                    try {
                      HttpResponse<String> res =
                          http.send(req, HttpResponse.BodyHandlers.ofString());
                      p.latencies.add((System.nanoTime() - t) / 1e6);
                      if (res.statusCode() == 201) {
                        p.ok.incrementAndGet();
                        JsonNode events = JSON.readTree(res.body()).path("events").path("features");
                        p.events.addAndGet(events.size());
                      } else {
                        if (p.errors.incrementAndGet() <= 3) {
                          System.err.println(res.statusCode() + " " + res.body());
                        }
                      }
                    } catch (Exception e) {
                      if (p.errors.incrementAndGet() <= 3) {
                        System.err.println(e);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return p;
  }

  private record Duplicate(double firstMs, double repostMs) {}

  /** A 500 KB article posted, then posted again (median of five re-posts). */
  private static Duplicate duplicate(App app) throws Exception {
    String token = app.tokens().create("bench-duplicate", TokenStore.Role.EDITOR).secret();
    StringBuilder body = new StringBuilder();
    for (int i = 0; body.length() < 495_000; i++) {
      body.append(
          String.format(
              Locale.ROOT,
              "Update %d: shelling hit Maarat al-Numan, Syria, on 3 March 2020, killing %d civilians."
                  + " Residents of Idlib said the roads north were crowded. ",
              i,
              1 + i % 9));
    }
    String json =
        JSON.writeValueAsString(Map.of("body", body.toString(), "published", "2020-03-04"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/articles"))
            .timeout(Duration.ofSeconds(300))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<String> first = http.send(req, HttpResponse.BodyHandlers.ofString());
    double firstMs = (System.nanoTime() - t0) / 1e6;
    if (first.statusCode() != 201) {
      throw new IllegalStateException("500 KB article refused: " + first.statusCode());
    }
    double[] again = new double[5];
    for (int i = 0; i < again.length; i++) {
      long t = System.nanoTime();
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      again[i] = (System.nanoTime() - t) / 1e6;
      if (!JSON.readTree(res.body()).path("duplicate").asBoolean()) {
        throw new IllegalStateException("re-post not answered as a duplicate: " + res.body());
      }
    }
    Arrays.sort(again);
    return new Duplicate(firstMs, again[again.length / 2]);
  }

  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
