package org.conflictmap.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12's crash harness: runs {@code conflictmap serve} as its own process, writes to it from
 * several threads (article ingest, zone create and update, event corrections, bbox reads), kills it
 * with SIGKILL at a random moment, starts it again on the same data directory and checks that it
 * opens and that every acknowledged (2xx) write is there. Writes carry the editor token, as they
 * must once every write needs one.
 */
final class CrashHarness {
  static final String TOKEN = "crash-harness-token";
  static final Map<String, String> EDITOR =
      Map.of("Authorization", "Bearer " + TOKEN, "X-Editor", "crash harness");
  private static final Pattern SERVING = Pattern.compile("serving http://localhost:(\\d+)/");
  private static final String ZONE =
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[36.0,35.0],[37.0,35.0],[37.0,36.0],[36.0,36.0],[36.0,35.0]]]},"
          + "\"properties\":{\"name\":\"%s\",\"kind\":\"demilitarised-zone\","
          + "\"description\":\"crash harness\",\"valid_from\":\"2018-09-17\"}}";

  /** What the rounds found. */
  record Result(
      int rounds,
      int ackedWrites,
      int lostWrites,
      int unopenable,
      int reads,
      int readErrors,
      List<String> problems) {}

  private static final int READERS = 3;
  // the map's own reads: a bbox, a bbox with a time window, and the zones at a date
  private static final String[] READS = {
    "/api/events?bbox=35.5,34.5,37.5,37.0",
    "/api/events?bbox=35.5,34.5,37.5,37.0&datetime=2019-01-01/2019-12-31",
    "/api/zones?at=2019-08-27"
  };

  private final Path data;
  private final Random random;
  // article id -> the event ids its ingest acknowledged
  private final Map<Long, List<Long>> articles = new ConcurrentHashMap<>();
  // zone id -> names: the last acknowledged, and one sent but not answered (either may be there)
  private final Map<Long, String[]> zones = new ConcurrentHashMap<>();
  // event id -> fatalities: last acknowledged, and one in flight
  private final Map<Long, Integer[]> corrections = new ConcurrentHashMap<>();
  // zone id -> the writer that created it and alone updates it, so its last name is known
  private final Map<Long, Integer> zoneOwners = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private final AtomicInteger acked = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger readErrors = new AtomicInteger();
  private int lost;
  private int unopenable;

  // SIGTERM instead of SIGKILL: the server must answer what it accepted, lose nothing, exit 0
  private final boolean terminate;

  CrashHarness(Path data, long seed) {
    this(data, seed, false);
  }

  CrashHarness(Path data, long seed, boolean terminate) {
    this.data = data;
    this.random = new Random(seed);
    this.terminate = terminate;
  }

  /** Runs {@code rounds} kill-and-restart rounds, each writing for up to {@code maxMillis}. */
  Result run(int rounds, int maxMillis) throws Exception {
    for (int round = 1; round <= rounds; round++) {
      Process server;
      int port;
      try {
        server = start();
        port = port(server);
      } catch (IllegalStateException e) {
        unopenable++;
        problems.add("round " + round + ": the store did not reopen: " + e.getMessage());
        break;
      }
      Http http = new Http(port);
      verify(http, round);
      load(http, round, 500 + random.nextInt(maxMillis), server);
      server.waitFor(30, TimeUnit.SECONDS);
    }
    // a last start: what the final kill left must open and hold every acknowledged write
    Process server = null;
    try {
      server = start();
      verify(new Http(port(server)), rounds + 1);
    } catch (IllegalStateException e) {
      unopenable++;
      problems.add("final start: the store did not reopen: " + e.getMessage());
    } finally {
      if (server != null) {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    return new Result(
        rounds,
        acked.get(),
        lost,
        unopenable,
        reads.get(),
        readErrors.get(),
        List.copyOf(problems));
  }

  private Process start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.conflictmap.cli.Main",
                "serve",
                "--port",
                "0",
                "--no-sample",
                "--data",
                data.toString())
            .redirectErrorStream(true);
    pb.environment().put("CONFLICTMAP_EDITOR_TOKEN", TOKEN);
    return pb.start();
  }

  /** Reads the server's output until it prints its port; its later output is drained. */
  private static int port(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {}
                  } catch (IOException ignored) {
                    // the process is gone
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
      if (seen.length() < 4000) {
        seen.append(line).append('\n');
      }
    }
    server.destroyForcibly();
    throw new IllegalStateException(seen.toString().strip());
  }

  /** Every acknowledged write must be in the store the restarted server reads. */
  private void verify(Http http, int round) {
    articles.forEach(
        (id, events) -> {
          if (http.get("/api/articles/" + id).status() != 200) {
            lose(round, "article " + id);
          }
          for (long e : events) {
            if (http.get("/api/events/" + e).status() != 200) {
              lose(round, "event " + e + " of article " + id);
            }
          }
        });
    zones.forEach(
        (id, names) -> {
          Http.Response r = http.get("/api/zones/" + id);
          String name =
              r.status() == 200 ? r.json().path("properties").path("name").asText() : null;
          if (name == null || !(name.equals(names[0]) || name.equals(names[1]))) {
            lose(round, "zone " + id + " named " + names[0] + ", found " + name);
          }
          names[1] = null;
          if (name != null) {
            names[0] = name;
          }
        });
    corrections.forEach(
        (id, values) -> {
          Http.Response r = http.get("/api/events/" + id);
          JsonNode f = r.status() == 200 ? r.json().path("properties").path("fatalities") : null;
          Integer found = f == null || f.isNull() ? null : f.asInt();
          if (found == null || !(found.equals(values[0]) || found.equals(values[1]))) {
            lose(round, "correction of event " + id + " to " + values[0] + ", found " + found);
          }
          values[1] = null;
          if (found != null) {
            values[0] = found;
          }
        });
  }

  private synchronized void lose(int round, String what) {
    lost++;
    problems.add("round " + round + ": lost " + what);
  }

  /** Writers and readers run until the server is killed after {@code millis}. */
  private void load(Http http, int round, int millis, Process server) throws InterruptedException {
    AtomicBoolean killed = new AtomicBoolean();
    // one answered ingest first, so the kill falls among writes rather than during warm-up
    ingest(http, round, 9, 0);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int writer = t;
      threads.add(new Thread(() -> write(http, round, writer, killed)));
    }
    // several readers, so that the reads under writes are enough to show an error rate of 1% gone
    for (int t = 0; t < READERS; t++) {
      int reader = t;
      threads.add(new Thread(() -> read(http, reader, killed)));
    }
    threads.forEach(Thread::start);
    Thread.sleep(millis);
    if (terminate) {
      // SIGTERM with the load still running: every answer until the port closes counts
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        problems.add("round " + round + ": still running 60 s after SIGTERM");
        server.destroyForcibly();
      } else if (server.exitValue() != 0) {
        problems.add("round " + round + ": exit code " + server.exitValue() + " after SIGTERM");
      }
      killed.set(true);
    } else {
      killed.set(true);
      server.destroyForcibly(); // SIGKILL on Linux
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private void write(Http http, int round, int writer, AtomicBoolean killed) {
    Random r = new Random(round * 31L + writer);
    int n = 0;
    while (!killed.get()) {
      n++;
      try {
        switch (r.nextInt(3)) {
          case 0 -> ingest(http, round, writer, n);
          case 1 -> zone(http, round, writer, n, r);
          default -> correct(http, writer, n, r);
        }
      } catch (UncheckedIOException e) {
        return; // the server is gone: what it did not answer was never acknowledged
      }
    }
  }

  private void ingest(Http http, int round, int writer, int n) {
    String marker = round + "-" + writer + "-" + n;
    String body =
        "{\"title\":\"Strike near Idlib "
            + marker
            + "\",\"url\":\"https://example.org/crash/"
            + marker
            + "\",\"published\":\"2019-08-27\",\"body\":\"On 27 August 2019 an air strike hit"
            + " Idlib, killing "
            + (n % 9 + 1)
            + " civilians, residents said (report "
            + marker
            + ").\"}";
    Http.Response r = http.request("POST", "/api/articles", EDITOR, "application/json", body);
    if (r.status() / 100 == 2) {
      List<Long> events = new ArrayList<>();
      for (JsonNode f : r.json().path("events").path("features")) {
        events.add(f.path("id").asLong());
      }
      articles.put(r.json().path("article_id").asLong(), events);
      acked.addAndGet(1 + events.size());
    } else {
      problems.add("ingest answered " + r.status() + ": " + r.body());
    }
  }

  private void zone(Http http, int round, int writer, int n, Random r) {
    String name = "Zone " + round + "-" + writer + "-" + n;
    Long mine = null;
    for (Long id : zones.keySet()) {
      if (zoneOwners.get(id) == writer && r.nextBoolean()) {
        mine = id;
        break;
      }
    }
    if (mine == null) {
      Http.Response c =
          http.request("POST", "/api/zones", EDITOR, "application/geo+json", ZONE.formatted(name));
      if (c.status() / 100 == 2) {
        long id = c.json().path("id").asLong();
        zones.put(id, new String[] {name, null});
        zoneOwners.put(id, writer);
        acked.incrementAndGet();
      } else {
        problems.add("zone create answered " + c.status() + ": " + c.body());
      }
      return;
    }
    String[] names = zones.get(mine);
    names[1] = name;
    Http.Response u =
        http.request(
            "PUT", "/api/zones/" + mine, EDITOR, "application/geo+json", ZONE.formatted(name));
    if (u.status() / 100 == 2) {
      names[0] = name;
      names[1] = null;
      acked.incrementAndGet();
    } else {
      problems.add("zone update answered " + u.status() + ": " + u.body());
    }
  }

  private void correct(Http http, int writer, int n, Random r) {
    List<Long> candidates = new ArrayList<>();
    articles.values().forEach(candidates::addAll);
    candidates.removeIf(id -> id % 3 != writer);
    if (candidates.isEmpty()) {
      return;
    }
    long id = candidates.get(r.nextInt(candidates.size()));
    int fatalities = 100 + n;
    Integer[] values = corrections.computeIfAbsent(id, k -> new Integer[2]);
    values[1] = fatalities;
    Http.Response p =
        http.request(
            "PATCH",
            "/api/events/" + id,
            EDITOR,
            "application/json",
            "{\"fatalities\":" + fatalities + "}");
    if (p.status() / 100 == 2) {
      values[0] = fatalities;
      values[1] = null;
      acked.incrementAndGet();
    } else {
      problems.add("correction answered " + p.status() + ": " + p.body());
    }
  }

  private void read(Http http, int reader, AtomicBoolean killed) {
    for (int n = 0; !killed.get(); n++) {
      try {
        Http.Response r = http.get(READS[(reader + n) % READS.length]);
        reads.incrementAndGet();
        if (r.status() != 200 && !killed.get()) {
          readErrors.incrementAndGet();
          problems.add(
              READS[(reader + n) % READS.length] + " answered " + r.status() + ": " + r.body());
        }
      } catch (UncheckedIOException e) {
        return;
      }
    }
  }

  /** {@code CrashHarness [rounds] [dataDir]}: the long run (20 rounds by default). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("conflictmap-crash");
    Result r = new CrashHarness(dir, System.nanoTime()).run(rounds, 4000);
    print(r);
    System.exit(r.lostWrites() == 0 && r.unopenable() == 0 && r.readErrors() == 0 ? 0 : 1);
  }

  static void print(Result r) {
    System.out.printf(
        "crash harness: rounds %d, acknowledged writes %d, lost writes %d, unopenable stores %d,"
            + " bbox reads %d, read errors %d%n",
        r.rounds(), r.ackedWrites(), r.lostWrites(), r.unopenable(), r.reads(), r.readErrors());
    r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p));
  }
}
