package org.conflictmap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Time from launching {@code java -jar server/target/conflictmap.jar serve} to its first answer on
 * {@code /api/events}, beside the bare start of the same JVM and jar ({@code --version}) in the
 * same run. The first start in a fresh data directory loads the sample and builds the gazetteer's
 * index cache; the later ones are what a restart costs. Arguments: {@code [RUNS] [SERVER_JAR]}.
 */
final class StartupBench {
  private static final Pattern SERVING = Pattern.compile("serving http://[^:]+:(\\d+)/");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private StartupBench() {}

  /** Loads the HTTP client's classes before any timing, so the probe does not slow the server. */
  private static void warmUpClient() {
    try {
      HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/")).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException expected) {
      // nothing listens on the discard port: only the class loading mattered
    }
  }

  static void run(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path jar = Path.of(args.length > 1 ? args[1] : "server/target/conflictmap.jar");
    if (!Files.isRegularFile(jar)) {
      System.err.println("no " + jar + ": build it with mvn -q -DskipTests package");
      return;
    }
    Path data = Files.createTempDirectory("conflictmap-startup");
    warmUpClient();
    try {
      List<Long> bare = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        bare.add(bareStart(jar));
      }
      long first = serveUntilReady(jar, data);
      List<Long> later = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        later.add(serveUntilReady(jar, data));
      }
      long bareMedian = median(bare);
      long laterMedian = median(later);
      System.out.printf(
          "bare JVM + jar start (--version), median of %d: %6d ms%n", runs, bareMedian);
      System.out.printf("serve, first start (sample + index build):      %6d ms%n", first);
      System.out.printf(
          "serve, later starts, median of %d:               %6d ms  (%.1fx the bare start; goal <= 2000 ms)%n",
          runs, laterMedian, laterMedian / (double) Math.max(1, bareMedian));
      System.out.println("later starts: " + later);
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long bareStart(Path jar) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = java(jar, "--version").start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long serveUntilReady(Path jar, Path data) throws Exception {
    long t0 = System.nanoTime();
    Process p = java(jar, "serve", "--port", "0", "--data", data.toString()).start();
    try {
      int port = awaitPort(p);
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events?limit=1"))
              .build();
      while (true) {
        try {
          if (HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          Thread.sleep(20);
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      // let background work (index cache write) finish, then stop it as Ctrl-C would
      Thread.sleep(1500);
      return ms;
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static int awaitPort(Process p) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        // keep draining so the server never blocks on a full pipe
        Thread drain =
            new Thread(
                () -> {
                  try {
                    out.transferTo(java.io.Writer.nullWriter());
                  } catch (IOException ignored) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IOException("the server ended before saying where it serves");
  }

  private static ProcessBuilder java(Path jar, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
