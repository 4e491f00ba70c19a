package org.conflictmap.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.store.Database;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map at scale in headless Chromium, read from the page's own performance measures: first full
 * render, a pan or zoom redraw (from the move to the new view on screen, debounce included) and a
 * playback step of the time slider, against a big store. The baseline, in the same run and store,
 * is the page as it was before server clusters: it loads the newest 5,000 events with no bbox and
 * clusters them in the browser (forced with {@code conflictmap.allEventsLimit}).
 *
 * <p>{@code scalemap [--events N] [--data DIR] [--runs R]}: with no {@code --data} a store of N
 * (default 1,000,000) events is generated first by plain JDBC inserts (points around 2,000 centres
 * weighted by a Zipf law, six types, 2018–2024), not through ingest: a stand-in until the {@code
 * generate-events} command lands. A given {@code --data} is reused as it is.
 */
final class ScaleMapBench {
  private static final String[] TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments"
  };

  private ScaleMapBench() {}

  static void run(String[] args) throws Exception {
    int events = 1_000_000;
    Path data = null;
    int runs = 3;
    boolean trace = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Integer.parseInt(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--trace" -> trace = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (data == null || !Files.exists(data.resolve("conflictmap.mv.db"))) {
      data = data == null ? Files.createTempDirectory("conflictmap-scalemap") : data;
      long t0 = System.nanoTime();
      generate(data, events);
      System.out.printf(
          "generated %,d events in %.0f s (%s)%n", events, (System.nanoTime() - t0) / 1e9, data);
    }
    Config config = Config.defaults().withPort(0).withDataDir(data).withSample(false);
    try (App app = App.start(config)) {
      String base = "http://127.0.0.1:" + app.port();
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File("/usr/bin/chromedriver"))
              .usingAnyFreePort()
              .build();
      Path profile = Files.createTempDirectory("conflictmap-scalemap-chromium");
      WebDriver driver = new ChromeDriver(service, options(profile));
      driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(5));
      try {
        driver.get(base + "/");
        waitReady(driver);
        double[] fresh = measure(driver, base, null, runs, trace);
        double[] baseline = measure(driver, base, "1000000000000", runs, false);
        System.out.printf("store: H2 file, %s%n", data);
        System.out.printf(
            "%-40s %12s %12s %8s %8s%n",
            "browser timing (median ms)", "clusters", "baseline", "ratio", "goal");
        String[] names = {"first full render", "pan/zoom redraw", "playback step"};
        double[] goals = {1500, 200, 200};
        for (int i = 0; i < names.length; i++) {
          System.out.printf(
              "%-40s %12.0f %12.0f %8.2f %8.0f%n",
              names[i], fresh[i], baseline[i], fresh[i] / baseline[i], goals[i]);
        }
        System.out.printf(
            "objects drawn at the world view: %.0f clusters (baseline: %.0f markers in the browser's"
                + " cluster group)%n",
            fresh[3], baseline[3]);
      } finally {
        driver.quit();
        service.stop();
      }
    }
  }

  /**
   * Median first render, redraw and playback step over {@code runs} page loads, with {@code
   * conflictmap.allEventsLimit} set to {@code limit} (null: the page's default).
   */
  private static double[] measure(
      WebDriver driver, String base, String limit, int runs, boolean trace) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (limit == null) {
      js.executeScript("localStorage.removeItem('conflictmap.allEventsLimit')");
    } else {
      js.executeScript("localStorage.setItem('conflictmap.allEventsLimit', arguments[0])", limit);
    }
    List<Double> first = new ArrayList<>();
    List<Double> redraw = new ArrayList<>();
    List<Double> step = new ArrayList<>();
    double objects = 0;
    for (int r = 0; r < runs; r++) {
      driver.get(base + "/");
      waitReady(driver);
      if (trace) {
        trace(js, "first render");
      }
      first.add(
          ((Number)
                  js.executeScript(
                      "return performance.getEntriesByName('cm-first-render')[0].duration"))
              .doubleValue());
      objects =
          ((Number)
                  js.executeScript(
                      "return window.conflictmap.isClustered()"
                          + " ? window.conflictmap.layers.clusters.getLayers().length"
                          + " : window.conflictmap.layers.events.getLayers().length"))
              .doubleValue();
      // pans and zooms: Syria at zoom 6, then 8, a pan east, back to the world
      String[] moves = {
        "map.setView([35.5, 38.5], 6, {animate: false})",
        "map.setView([35.9, 36.6], 8, {animate: false})",
        "map.panBy([300, 0], {animate: false})",
        "map.setView([25, 15], 3, {animate: false})"
      };
      for (String move : moves) {
        redraw.add(timeMove(js, move));
        if (trace) {
          trace(js, move);
        }
      }
      // playback: five steps of the slider, each from the step to the map showing its period
      js.executeScript("document.querySelector('[data-testid=timeline-play]').click()");
      new WebDriverWait(driver, java.time.Duration.ofSeconds(120))
          .until(
              d ->
                  ((Number)
                              js.executeScript(
                                  "return performance.getEntriesByName('cm-play-step').length"))
                          .intValue()
                      >= 5);
      js.executeScript("document.querySelector('[data-testid=timeline-play]').click()");
      @SuppressWarnings("unchecked")
      List<Number> steps =
          (List<Number>)
              js.executeScript(
                  "return performance.getEntriesByName('cm-play-step').map(e => e.duration)");
      steps.forEach(n -> step.add(n.doubleValue()));
      if (trace) {
        trace(js, "playback steps " + steps);
      }
    }
    return new double[] {median(first), median(redraw), median(step), objects};
  }

  /**
   * Milliseconds from a move to its view on screen: the page's {@code cm:viewdrawn} when it fetches
   * clusters, else Leaflet's moveend plus one frame (the browser's cluster group redraws then).
   */
  private static double timeMove(JavascriptExecutor js, String move) {
    Object ms =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const map = window.conflictmap.map;"
                + "const t0 = performance.now();"
                + "const finish = () => requestAnimationFrame(() => done(performance.now() - t0));"
                + "if (window.conflictmap.isClustered()) map.once('cm:viewdrawn', finish);"
                + "else map.once('moveend', finish);"
                + move
                + ";");
    return ((Number) ms).doubleValue();
  }

  /**
   * Prints the page's API requests since the last trace (start, time to the first byte, whole
   * duration, body bytes, all from the browser's resource timing), then forgets them.
   */
  private static void trace(JavascriptExecutor js, String phase) {
    @SuppressWarnings("unchecked")
    List<String> lines =
        (List<String>)
            js.executeScript(
                "const out = performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/'))"
                    + ".map(e => `  ${e.startTime.toFixed(0).padStart(7)} ms"
                    + "  ttfb ${(e.responseStart - e.requestStart).toFixed(0).padStart(6)}"
                    + "  total ${e.duration.toFixed(0).padStart(6)}"
                    + "  ${String(e.encodedBodySize).padStart(8)} B"
                    + "  ${decodeURIComponent(new URL(e.name).pathname + new URL(e.name).search)"
                    + ".slice(0, 150)}`);"
                    + "performance.clearResourceTimings(); return out;");
    System.out.println("trace: " + phase);
    lines.forEach(System.out::println);
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length == 0 ? Double.NaN : v[v.length / 2];
  }

  private static void waitReady(WebDriver driver) {
    new WebDriverWait(driver, java.time.Duration.ofSeconds(300))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  private static ChromeOptions options(Path profile) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,800",
        "--user-data-dir=" + profile.toAbsolutePath());
    return o;
  }

  /** Plain JDBC inserts in batches: one article, {@code n} events, no sources. */
  private static void generate(Path data, int n) {
    Random r = new Random(13);
    int centres = 2000;
    double[][] at = new double[centres][];
    for (int i = 0; i < centres; i++) {
      at[i] = new double[] {-120 + r.nextDouble() * 270, -40 + r.nextDouble() * 100};
    }
    // Zipf weights: centre k gets 1/(k+1) of the draws
    double[] cumulative = new double[centres];
    double sum = 0;
    for (int i = 0; i < centres; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    final double total = sum;
    try (Database db = Database.embedded(data)) {
      long article =
          db.inTransaction(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO articles (title, body, url, content_hash, ingested_at)"
                            + " VALUES ('generated', 'generated', 'https://generated.example/',"
                            + " 'generated', CURRENT_TIMESTAMP)",
                        new String[] {"id"})) {
                  ps.executeUpdate();
                  try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                  }
                }
              });
      LocalDate start = LocalDate.of(2018, 1, 1);
      int batch = 20_000;
      for (int done = 0; done < n; done += batch) {
        int size = Math.min(batch, n - done);
        db.inTransaction(
            c -> {
              insert(c, article, size, r, at, cumulative, total, start);
              return null;
            });
      }
    }
  }

  private static void insert(
      Connection c,
      long article,
      int size,
      Random r,
      double[][] at,
      double[] cumulative,
      double total,
      LocalDate start)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO events (article_id, event_date, event_type, geo_precision, time_precision,"
                + " fatalities, place_name, country_code, precision, lat, lon, geom, sentence,"
                + " sentence_start, sentence_end) VALUES (?, ?, ?, ?, 1, ?, ?, 'XX', 'town', ?, ?,"
                + " ST_SetSRID(ST_MakePoint(?, ?), 4326), 'Generated.', 0, 10)")) {
      for (int i = 0; i < size; i++) {
        int k = Arrays.binarySearch(cumulative, r.nextDouble() * total);
        double[] centre = at[k < 0 ? Math.min(at.length - 1, -k - 1) : k];
        double lon = Math.max(-180, Math.min(180, centre[0] + r.nextGaussian() * 0.3));
        double lat = Math.max(-85, Math.min(85, centre[1] + r.nextGaussian() * 0.3));
        ps.setLong(1, article);
        ps.setObject(2, start.plusDays(r.nextInt(7 * 365)));
        ps.setString(3, TYPES[r.nextInt(TYPES.length)]);
        ps.setInt(4, 1 + r.nextInt(3));
        ps.setInt(5, r.nextInt(5));
        ps.setString(6, "Place " + k);
        ps.setDouble(7, lat);
        ps.setDouble(8, lon);
        ps.setDouble(9, lon);
        ps.setDouble(10, lat);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
