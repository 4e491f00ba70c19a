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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.store.TokenStore;

/**
 * Issue 12's soak: {@code soak [--minutes M] [--rate R]} starts the server on a free loopback port
 * with a temporary data directory and an editor token it creates, then sends R requests a second
 * (open loop: each at its moment, however slow the last) for M minutes, mixed like the map's own
 * traffic: event reads by bbox and time, zones, pages, oEmbed, previews, and writes (ingest, zone
 * edits, corrections). Every minute it prints p50/p99 (from the scheduled moment, so queueing
 * counts), errors and the heap after GC; it exits non-zero on any error or a growing heap.
 */
final class SoakBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ZONE =
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[36.0,35.0],[37.0,35.0],[37.0,36.0],[36.0,36.0],[36.0,35.0]]]},"
          + "\"properties\":{\"name\":\"%s\",\"kind\":\"demilitarised-zone\","
          + "\"description\":\"soak\",\"valid_from\":\"2018-09-17\"}}";

  private SoakBench() {}

  static void run(String[] args) throws Exception {
    double minutes = 2;
    int rate = 200;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
        case "--rate" -> rate = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: soak [--minutes M] [--rate R]");
    }
    Path dir = Files.createTempDirectory("conflictmap-soak");
    Config config =
        Config.defaults()
            .withPort(0)
            .withDataDir(dir)
            .withSample(true)
            .withWriteRatePerMinute(0); // one client on loopback: the soak measures, not the limit
    try (App app = App.start(config)) {
      String token = app.tokens().create("soak", TokenStore.Role.EDITOR).secret();
      new Soak(app.port(), token, rate, Duration.ofMillis((long) (minutes * 60_000))).run();
    }
  }

  private static final class Soak {
    private final String base;
    private final String token;
    private final int rate;
    private final Duration length;
    // daemon threads: the client's pool must not keep the JVM alive once the soak is done
    private final HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(
                Executors.newFixedThreadPool(
                    4,
                    r -> {
                      Thread t = new Thread(r, "soak-client");
                      t.setDaemon(true);
                      return t;
                    }))
            .build();
    private final List<Long> zones = new ArrayList<>();
    private final List<Long> events = new ArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong serial = new AtomicLong();
    private final List<String> firstErrors = new ArrayList<>();
    private long[] window = new long[1024];
    private int inWindow;

    Soak(int port, String token, int rate, Duration length) {
      this.base = "http://127.0.0.1:" + port;
      this.token = token;
      this.rate = rate;
      this.length = length;
    }

    void run() throws Exception {
      for (JsonNode f : json("/api/zones").path("features")) {
        zones.add(f.path("id").asLong());
      }
      for (JsonNode f : json("/api/events").path("features")) {
        events.add(f.path("id").asLong());
      }
      if (zones.isEmpty() || events.isEmpty()) {
        throw new IllegalStateException("the sample gave no zone or event to work on");
      }
      System.out.printf(
          "soak: %d requests/s for %.1f min against %s (%d zones, %d events to start)%n",
          rate, length.toMillis() / 60_000.0, base, zones.size(), events.size());
      System.out.println("minute  requests   p50 ms   p99 ms   max ms  errors  heap after GC MB");
      ExecutorService workers = Executors.newFixedThreadPool(64);
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      long start = System.nanoTime();
      long period = 1_000_000_000L / rate;
      Random random = new Random(19);
      ticker.scheduleAtFixedRate(
          () -> {
            long due = System.nanoTime();
            int pick = random.nextInt(100);
            workers.execute(() -> one(pick, due));
          },
          0,
          period,
          TimeUnit.NANOSECONDS);
      List<Long> heap = new ArrayList<>();
      long end = start + length.toNanos();
      int minute = 0;
      long lastRequests = 0;
      while (System.nanoTime() < end) {
        long next = Math.min(end, start + (minute + 1) * 60_000_000_000L);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        minute++;
        long[] lat = drain();
        long h = Heap.usedAfterGc();
        heap.add(h);
        long total = requests.get();
        System.out.printf(
            "%6d  %8d  %7.1f  %7.1f  %7.1f  %6d  %8.1f%n",
            minute,
            total - lastRequests,
            pct(lat, 50),
            pct(lat, 99),
            pct(lat, 100),
            errors.get(),
            h / 1e6);
        lastRequests = total;
      }
      ticker.shutdownNow();
      workers.shutdown();
      workers.awaitTermination(60, TimeUnit.SECONDS);
      drain();
      long first = heap.size() > 2 ? heap.get(1) : heap.get(0); // minute 1 is warm-up
      long last = heap.get(heap.size() - 1);
      boolean grows = last > first * 1.5 + 32e6;
      System.out.printf(
          "soak: %d requests, %d errors; heap after GC %.1f MB after warm-up, %.1f MB at the end"
              + " (%s)%n",
          requests.get(), errors.get(), first / 1e6, last / 1e6, grows ? "GROWING" : "flat");
      synchronized (firstErrors) {
        firstErrors.forEach(e -> System.out.println("  " + e));
      }
      if (errors.get() > 0 || grows) {
        throw new IllegalStateException(
            "soak failed: " + errors.get() + " error(s)" + (grows ? ", heap growing" : ""));
      }
    }

    /** One request of the mix, chosen by {@code pick} in 0..99. */
    private void one(int pick, long due) {
      long n = serial.incrementAndGet();
      long event = events.get((int) (n % events.size()));
      long zone = zones.get((int) (n % zones.size()));
      HttpRequest.Builder r;
      if (pick < 25) {
        r = get("/api/events?bbox=35.5,34.5,37.5,37.0&datetime=2019-01-01/2020-12-31");
      } else if (pick < 40) {
        r = get("/api/events?bbox=30,30,45,40");
      } else if (pick < 50) {
        r = get("/api/zones?at=2019-08-27");
      } else if (pick < 55) {
        r = get("/api/zones/" + zone);
      } else if (pick < 62) {
        r = get("/api/events/" + event);
      } else if (pick < 67) {
        r = get("/");
      } else if (pick < 74) {
        r = get("/events/" + event);
      } else if (pick < 80) {
        r = get("/oembed?format=json&url=" + enc(base + "/events/" + event));
      } else if (pick < 84) {
        r = get("/events/" + event + "/preview.png");
      } else if (pick < 88) {
        r = get("/preview.png?bbox=35.5,34.5,37.5,37.0");
      } else if (pick < 92) {
        String body =
            "{\"title\":\"Soak report "
                + n
                + "\",\"url\":\"https://example.org/soak/"
                + n
                + "\",\"published\":\"2019-08-27\",\"body\":\"On 27 August 2019 an air strike"
                + " hit Maarat al-Numan, killing "
                + (n % 9 + 1)
                + " civilians, residents said (report "
                + n
                + ").\"}";
        r = write("POST", "/api/articles", "application/json", body);
      } else if (pick < 96) {
        r = write("PUT", "/api/zones/" + zone, "application/geo+json", ZONE.formatted("Soak " + n));
      } else {
        r =
            write(
                "PATCH",
                "/api/events/" + event,
                "application/json",
                "{\"fatalities\":" + (n % 50 + 1) + "}");
      }
      HttpRequest req = r.timeout(Duration.ofSeconds(30)).build();
      try {
        HttpResponse<Void> res = client.send(req, HttpResponse.BodyHandlers.discarding());
        if (res.statusCode() / 100 != 2) {
          error(req.method() + " " + req.uri().getRawPath() + " answered " + res.statusCode());
        }
      } catch (Exception e) {
        error(req.method() + " " + req.uri().getRawPath() + " failed: " + e);
      }
      record(System.nanoTime() - due);
    }

    private HttpRequest.Builder get(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    private HttpRequest.Builder write(String method, String path, String type, String body) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", type)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private void error(String what) {
      errors.incrementAndGet();
      synchronized (firstErrors) {
        if (firstErrors.size() < 10) {
          firstErrors.add(what);
        }
      }
    }

    private synchronized void record(long nanos) {
      requests.incrementAndGet();
      if (inWindow == window.length) {
        window = Arrays.copyOf(window, window.length * 2);
      }
      window[inWindow++] = nanos;
    }

    private synchronized long[] drain() {
      long[] out = Arrays.copyOf(window, inWindow);
      inWindow = 0;
      Arrays.sort(out);
      return out;
    }

    private static double pct(long[] sorted, int p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, i)] / 1e6;
    }

    private JsonNode json(String path) throws Exception {
      HttpResponse<String> r = client.send(get(path).build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    }

    private static String enc(String s) {
      return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
