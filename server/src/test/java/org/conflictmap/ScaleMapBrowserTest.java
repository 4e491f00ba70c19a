package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.conflictmap.store.GeneratedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 13 in headless Chromium (desktop): a store too big to load whole is drawn as the server's
 * clusters, whose counts add up to the store; clicking one zooms in; a filter changes the counts;
 * the time slider's play button moves the period and the map follows. The store holds ~600
 * generated events; the page is told to cluster above 20 ({@code conflictmap.allEventsLimit}).
 */
class ScaleMapBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(40);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static BrowserSession browser;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    GeneratedEvents.fill(Files.createDirectories(tmp.resolve("data")), 120, 21);
    browser = BrowserSession.start(tmp, "profile", TIMEOUT, false);
    driver = browser.driver();
    driver.get(browser.origin() + "/");
    waitReady();
    browser.script("localStorage.setItem('conflictmap.allEventsLimit', '20')");
    driver.get(browser.origin() + "/");
    waitReady();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
  }

  @Test
  void clustersCountTheStoreZoomInFollowFiltersAndThePlayingSlider() throws Exception {
    long all = apiCount("");
    assertThat(all).isGreaterThan(500);
    assertThat((Boolean) browser.script("return window.conflictmap.isClustered()")).isTrue();
    // the world view: its clusters hold every event, and there are few of them
    List<WebElement> clusters = driver.findElements(By.cssSelector(".server-cluster span"));
    assertThat(clusters).isNotEmpty().hasSizeLessThan(40);
    assertThat(clusterSum()).isEqualTo(all);
    browser.screenshot("scalemap-world.png");
    assertThat(label()).contains(String.format("%,d events", all));

    // a filter: only Battles, on the map and in the slider's count
    long battles = apiCount("type=Battles");
    driver.findElement(By.cssSelector("#filter-form input[data-type='Battles']")).click();
    browser.waitFor("the clusters count Battles only", d -> clusterSum() == battles);
    browser.waitFor(
        "the slider counts Battles only",
        d -> label().contains(String.format("%,d event", battles)));
    driver.findElement(By.id("filter-clear")).click();
    browser.waitFor("all events again", d -> clusterSum() == all);

    // clicking the biggest cluster zooms in on it
    double zoom = zoom();
    WebElement biggest =
        driver.findElements(By.cssSelector(".server-cluster")).stream()
            .max(
                java.util.Comparator.comparingLong(
                    e ->
                        Long.parseLong(
                            e.findElement(By.tagName("span")).getAttribute("data-count"))))
            .orElseThrow();
    biggest.click();
    browser.waitFor("the map zoomed in", d -> zoom() > zoom);
    browser.waitFor("the view is redrawn", d -> clusterSum() + markers() > 0);

    // back to the world, then play: the period steps forward, and the map shows each period
    browser.script("window.conflictmap.map.setView([25, 15], 2, {animate: false})");
    browser.waitFor("all events again", d -> clusterSum() == all);
    driver.findElement(By.cssSelector("[data-testid=timeline-play]")).click();
    String first = browser.waitFor("a first period", d -> datetime());
    browser.waitFor(
        "the second period", d -> datetime() != null && !datetime().equals(first) ? true : null);
    driver.findElement(By.cssSelector("[data-testid=timeline-play]")).click();
    // pausing lets the step under way finish; then the map shows exactly that period
    browser.waitFor(
        "the play button reads Play",
        d -> d.findElement(By.cssSelector("[data-testid=timeline-play]")).getText().equals("Play"));
    // the form takes a step's dates before its fetch, the address after: equal, the step is done
    browser.waitFor(
        "the step under way to finish",
        d ->
            datetime() != null
                && datetime()
                    .split("/")[0]
                    .equals(d.findElement(By.id("filter-from")).getAttribute("value")));
    String period = datetime();
    assertThat(period.split("/")[0]).isGreaterThan(first.split("/")[0]);
    long inPeriod = apiCount("datetime=" + period);
    browser.waitFor(
        "the map shows the period's " + inPeriod + " events",
        d -> clusterSum() + markers() == inPeriod);
    assertThat(driver.findElement(By.id("filter-from")).getAttribute("value"))
        .isEqualTo(period.split("/")[0]);
    browser.assertNoConsoleErrors();
  }

  @Test
  void zoomingInOnAViewDrawnEventByEventAsksTheServerForNothing() throws Exception {
    resetToWorld();
    JsonNode newest = apiEvents("limit=1").path("features").get(0);
    double lon = newest.path("geometry").path("coordinates").get(0).asDouble();
    double lat = newest.path("geometry").path("coordinates").get(1).asDouble();
    // from zoom 15 every event in view is drawn one by one
    moveAndWait("map.setView([" + lat + ", " + lon + "], 15, {animate: false})");
    assertThat(markers()).isGreaterThan(0);
    browser.script("performance.clearResourceTimings()");
    moveAndWait("map.setView([" + lat + ", " + lon + "], 16, {animate: false})");
    assertThat(
            browser.strings(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => n.includes('/api/events') && !n.includes('/api/events/latest'))"))
        .as("requests for the events of a view inside the one loaded")
        .isEmpty();
    // the list holds exactly the events of the new view, as the server counts them
    String bbox =
        (String)
            browser.script(
                "const b = window.conflictmap.map.getBounds();"
                    + "return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].join(',')");
    long inView = apiEvents("limit=10000&bbox=" + bbox).path("numberMatched").asLong();
    assertThat(inView).isGreaterThan(0);
    browser.waitFor(
        "the list shows the " + inView + " events in view",
        d -> d.findElements(By.cssSelector("#event-list .event-row")).size() == inView);
    browser.script("window.conflictmap.map.setView([25, 15], 2, {animate: false})");
    browser.waitFor("all events again", d -> clusterSum() == apiCountQuietly());
  }

  @Test
  void playbackDrawsEachPeriodFromTheServerAndListsThePeriodWhenPaused() throws Exception {
    resetToWorld();
    browser.script("performance.clearResourceTimings(); performance.clearMeasures('cm-play-step')");
    driver.findElement(By.cssSelector("[data-testid=timeline-play]")).click();
    browser.waitFor(
        "two playback steps",
        d -> browser.number("return performance.getEntriesByName('cm-play-step').length") >= 2);
    driver.findElement(By.cssSelector("[data-testid=timeline-play]")).click();
    browser.waitFor(
        "the play button reads Play",
        d -> d.findElement(By.cssSelector("[data-testid=timeline-play]")).getText().equals("Play"));
    browser.waitFor(
        "the step under way to finish",
        d ->
            datetime() != null
                && datetime()
                    .split("/")[0]
                    .equals(d.findElement(By.id("filter-from")).getAttribute("value")));
    String period = datetime();
    List<String> asked =
        browser.strings(
            "return performance.getEntriesByType('resource').map(e => decodeURIComponent(e.name))");
    assertThat(asked)
        .as("each step asks for the period's grid of the view")
        .anyMatch(n -> n.contains("/api/events/clusters?") && n.contains("datetime="));
    assertThat(asked)
        .as("no step loads a period's events whole")
        .noneMatch(n -> n.contains("/api/events?") && n.contains("limit=5000"));
    // paused, the list is the period's: every listed event is dated inside it
    long inPeriod = apiCount("datetime=" + period);
    browser.waitFor(
        "the map shows the period's " + inPeriod + " events",
        d -> clusterSum() + markers() == inPeriod);
    browser.waitFor(
        "the list asked for the period",
        d ->
            browser
                .strings(
                    "return performance.getEntriesByType('resource')"
                        + ".map(e => decodeURIComponent(e.name))")
                .stream()
                .anyMatch(
                    n ->
                        n.contains("/api/events?")
                            && n.contains("datetime=" + period)
                            && !n.contains("/latest")));
    browser.assertNoConsoleErrors();
  }

  @Test
  void theHeatLayerDrawsTheView() {
    browser.script(
        "window.conflictmap.map.addLayer(window.conflictmap.layers.heat);"
            + "window.conflictmap.map.fire('moveend')");
    browser.waitFor(
        "the heat canvas has points",
        d -> {
          List<WebElement> c = d.findElements(By.cssSelector("[data-testid=heat-layer]"));
          return !c.isEmpty() && Integer.parseInt(c.get(0).getAttribute("data-points")) > 0;
        });
    browser.script("window.conflictmap.map.removeLayer(window.conflictmap.layers.heat)");
    assertThat(driver.findElements(By.cssSelector("[data-testid=heat-layer]"))).isEmpty();
  }

  private static String label() {
    return driver
        .findElement(By.cssSelector("[data-testid=timeline-label]"))
        .getAttribute("textContent");
  }

  private static long clusterSum() {
    Object n =
        browser.script(
            "return [...document.querySelectorAll('.server-cluster span')]"
                + ".reduce((s, e) => s + Number(e.dataset.count), 0)");
    return ((Number) n).longValue();
  }

  /** Single events drawn as markers (a marker cluster of the loaded events counts its members). */
  private static long markers() {
    Object n = browser.script("return window.conflictmap.layers.events.getLayers().length");
    return ((Number) n).longValue();
  }

  private static double zoom() {
    return ((Number) browser.script("return window.conflictmap.map.getZoom()")).doubleValue();
  }

  /** The period in the page's URL, or null. */
  private static String datetime() {
    String url = driver.getCurrentUrl();
    var m = java.util.regex.Pattern.compile("datetime=([0-9-]+/[0-9-]+)").matcher(url);
    return m.find() ? m.group(1) : null;
  }

  /** No filter, the world view, every event in its clusters. */
  private static void resetToWorld() throws Exception {
    driver.findElement(By.id("filter-clear")).click();
    browser.script("window.conflictmap.map.setView([25, 15], 2, {animate: false})");
    long all = apiCount("");
    browser.waitFor("all events at the world view", d -> clusterSum() == all);
  }

  /** Runs a move in the page and returns once the page says the new view is drawn. */
  private static void moveAndWait(String move) {
    browser.asyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const map = window.conflictmap.map;"
            + "map.once('cm:viewdrawn', () => done(true));"
            + move
            + ";");
  }

  private static long apiCountQuietly() {
    try {
      return apiCount("");
    } catch (Exception e) {
      return -1;
    }
  }

  private static JsonNode apiEvents(String query) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(browser.origin() + "/api/events?" + query))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static long apiCount(String filter) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            browser.origin()
                                + "/api/events?limit=10000"
                                + (filter.isEmpty() ? "" : "&" + filter)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode fc = JSON.readTree(r.body());
    return fc.path("numberMatched").asLong();
  }

  private static void waitReady() {
    browser.waitFor(
        "page ready",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }
}
