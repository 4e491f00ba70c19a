package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sharing and embedding in headless Chromium: the embed inside an iframe on a second origin obeys
 * postMessage and reports clicks back; a shared link reopened in a fresh browser restores the same
 * view and filters; a bad link falls back to the default view and says so; {@code ?event=} opens
 * the event's popup.
 */
class ShareEmbedBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path tmp;

  private static BrowserSession browser;
  private static HttpServer host;
  private static WebDriver driver;
  private static String appOrigin;
  private static String hostOrigin;
  private static long ankara;

  @BeforeAll
  static void start() throws IOException {
    browser = BrowserSession.start(tmp, "profile-main", TIMEOUT, true);
    driver = browser.driver();
    browser.context(() -> "last seen: " + lastSeen);
    appOrigin = browser.origin();

    // The embedding site: another server on another port, so another origin.
    host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hostOrigin = "http://127.0.0.1:" + host.getAddress().getPort();
    host.createContext(
        "/",
        exchange -> {
          byte[] page = hostPage().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    host.start();
  }

  @AfterAll
  static void stop() {
    try {
      if (host != null) host.stop(0);
    } finally {
      BrowserSession.close(browser);
    }
  }

  private static String hostPage() {
    String src = appOrigin + "/embed?center=35,45&zoom=4&origin=" + hostOrigin;
    return "<!doctype html><html><head><meta charset=utf-8><title>A news site</title></head><body>"
        + "<h1>Our story</h1>"
        + "<iframe id=\"cm\" src=\""
        + src
        + "\" width=\"900\" height=\"560\" title=\"conflictmap\"></iframe>"
        + "<script>"
        + "window.received = [];"
        + "window.addEventListener('message', (e) => {"
        + "  if (e.origin !== '"
        + appOrigin
        + "') return;"
        + "  window.received.push(e.data);"
        + "});"
        + "function send(msg) {"
        + "  document.getElementById('cm').contentWindow.postMessage(msg, '"
        + appOrigin
        + "');"
        + "}"
        + "</script></body></html>";
  }

  // ---- the embed on another origin --------------------------------------------------------

  @Test
  void embedOnAnotherOriginObeysPostMessageAndReportsClicks() throws IOException {
    ankara = eventId("Ankara");
    driver.get(hostOrigin + "/");
    Map<String, Object> ready = awaitMessage("conflictmap:ready", 0);
    assertThat(((Number) ready.get("count")).intValue()).isEqualTo(4);

    // the map renders inside the frame
    driver.switchTo().frame(driver.findElement(By.id("cm")));
    try {
      assertThat(browser.number("return document.body.dataset.ready === 'true' ? 1 : 0"))
          .isEqualTo(1);
      assertThat(
              browser.number(
                  "return document.querySelectorAll('.leaflet-countries-pane path.country-shape').length"))
          .isGreaterThan(100);
      assertThat(browser.number("return document.querySelectorAll('path.zone-shape').length"))
          .isGreaterThanOrEqualTo(1);
      assertThat(browser.number("return window.conflictmap.layers.events.getLayers().length"))
          .isEqualTo(4);
      // every event is drawn: as its own marker or inside a cluster, one icon per visible parent
      // (once the clusters' fade animation has settled)
      browser.waitFor(
          "one icon per visible marker or cluster",
          d ->
              icons() > 0
                  && icons()
                      == browser.number(
                          "const g = window.conflictmap.layers.events; return new Set(g.getLayers()"
                              + ".map(m => g.getVisibleParent(m)).filter(Boolean)).size"));
      assertThat(driver.findElements(By.cssSelector(".panel, .topbar"))).isEmpty();
    } finally {
      toHostPage();
    }

    // setFilter from the parent changes what the map shows
    int before = received().size();
    send(
        Map.of(
            "type", "conflictmap:setFilter", "filter", Map.of("type", "Strategic developments")));
    Map<String, Object> filtered = awaitMessage("conflictmap:filter", before);
    assertThat(((Number) filtered.get("count")).intValue()).isEqualTo(2);
    int beforeClick = received().size();
    driver.switchTo().frame(driver.findElement(By.id("cm")));
    try {
      assertThat(
              browser.strings(
                  "return window.conflictmap.layers.events.getLayers()"
                      + ".map(m => m.feature.properties.event_type)"))
          .containsOnly("Strategic developments")
          .hasSize(2);
      browser.waitFor("two markers on screen", d -> icons() == 2);
      // a click on a marker is reported to the parent
      WebElement marker =
          driver.findElement(By.cssSelector(".leaflet-marker-icon[title^='Ankara']"));
      marker.click();
    } finally {
      toHostPage();
    }
    Map<String, Object> click = awaitMessage("conflictmap:click", beforeClick);
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) click.get("event");
    assertThat(event.get("place_name")).isEqualTo("Ankara");
    assertThat(((Number) event.get("id")).longValue()).isEqualTo(ankara);
    assertThat(click.get("url")).isEqualTo(appOrigin + "/events/" + ankara);

    // setView moves the map and the view change is reported
    before = received().size();
    send(
        Map.of(
            "type",
            "conflictmap:setView",
            "view",
            Map.of("center", List.of(36.63, 35.93), "zoom", 7)));
    Map<String, Object> view = awaitMessage("conflictmap:view", before);
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) view.get("view");
    assertThat(((Number) v.get("zoom")).intValue()).isEqualTo(7);
    assertThat((String) view.get("query")).contains("type=Strategic").contains("zoom=7");

    // a command the map cannot read is answered with an error, and changes nothing
    before = received().size();
    send(Map.of("type", "conflictmap:setFilter", "filter", Map.of("type", "Skirmishes")));
    Map<String, Object> error = awaitMessage("conflictmap:error", before);
    assertThat((String) error.get("message")).contains("Skirmishes");
    driver.switchTo().frame(driver.findElement(By.id("cm")));
    try {
      assertThat(browser.number("return window.conflictmap.layers.events.getLayers().length"))
          .isEqualTo(2);
    } finally {
      toHostPage();
    }
    browser.screenshot("embed-on-host-page.png");
    assertNoConsoleErrors(driver);
  }

  @Test
  void embedOptionsShapeTheWidget() {
    driver.get(appOrigin + "/embed?center=35,45&zoom=4&controls=0&legend=0&timeline=1&popups=0");
    awaitReady(driver);
    assertThat(driver.findElements(By.cssSelector(".leaflet-control-zoom"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector(".leaflet-control-layers"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector(".legend"))).isEmpty();
    assertThat(driver.findElement(By.id("timeline")).isDisplayed()).isTrue();
    assertThat(eventCount(driver)).isEqualTo(4);

    // without popups a click opens nothing
    driver.findElement(By.cssSelector(".leaflet-marker-icon[title^='Ankara']")).click();
    assertThat(driver.findElements(By.cssSelector(".leaflet-popup-content"))).isEmpty();

    // the timeline filters by date: the sample reports three events up to 27 August 2019 and a
    // summit planned for 16 September
    js(driver)
        .executeScript(
            "const i = document.getElementById('timeline-from'); i.value = '2019-09-01';"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));");
    browser.waitFor("the timeline filter", d -> eventCount(d) == 1);
    assertThat(driver.findElement(By.id("timeline-count")).getText()).isEqualTo("1 event");
    js(driver)
        .executeScript(
            "const i = document.getElementById('timeline-from'); i.value = '2019-09-17';"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));");
    browser.waitFor("the timeline filter", d -> eventCount(d) == 0);
    assertThat(driver.findElement(By.id("timeline-count")).getText()).isEqualTo("0 events");
    js(driver)
        .executeScript(
            "const i = document.getElementById('timeline-from'); i.value = '2019-05-01';"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));");
    // from 1 May: every event, the "since May" report counted at its first day
    browser.waitFor("the timeline filter", d -> eventCount(d) == 4);

    // an option it cannot read is named on the map
    driver.get(appOrigin + "/embed?controls=maybe");
    awaitReady(driver);
    assertThat(driver.findElement(By.id("url-status")).getText()).contains("controls");
    assertNoConsoleErrors(driver);
  }

  @Test
  void anEventPageShowsTheLiveMapAroundTheEvent() throws IOException {
    long id = eventId("Ankara");
    driver.get(appOrigin + "/events/" + id);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ankara");
    driver.switchTo().frame(driver.findElement(By.cssSelector(".event-map iframe")));
    try {
      awaitReady(driver);
      // centred on the event, with its popup open
      browser.waitFor(
          "the event's popup in the page's map",
          d -> !d.findElements(By.cssSelector(".leaflet-popup-content")).isEmpty());
      assertThat(driver.findElement(By.cssSelector(".leaflet-popup-content")).getText())
          .contains("Ankara");
      @SuppressWarnings("unchecked")
      List<Number> center =
          (List<Number>)
              js(driver)
                  .executeScript(
                      "const c = window.conflictmap.map.getCenter(); return [c.lat, c.lng];");
      assertThat(center.get(0).doubleValue()).isBetween(38.0, 42.0);
      assertThat(center.get(1).doubleValue()).isBetween(31.0, 35.0);
    } finally {
      toHostPage();
    }
    driver.findElement(By.id("share-button")).click();
    browser.waitFor(
        "the share status", d -> !d.findElement(By.id("share-status")).getText().isEmpty());
    assertThat(driver.findElement(By.id("share-status")).getText())
        .matches(
            "Link copied|Copy this link: "
                + java.util.regex.Pattern.quote(appOrigin + "/events/" + id));
    browser.screenshot("event-page.png");
    assertNoConsoleErrors(driver);
  }

  // ---- links ----------------------------------------------------------------------------

  @Test
  void aSharedLinkReopensTheSameViewAndFiltersInAFreshBrowser() throws IOException {
    driver.get(appOrigin + "/");
    awaitReady(driver);
    assertThat(eventCount(driver)).isEqualTo(4);
    driver
        .findElement(By.cssSelector("#filter-form input[data-type='Strategic developments']"))
        .click();
    browser.waitFor("the filter to apply", d -> eventCount(d) == 2);
    js(driver).executeScript("window.conflictmap.map.setView([45.5, 35.25], 5, {animate: false})");
    browser.waitFor(
        "the URL to follow the map",
        d -> {
          String search = currentSearch(d);
          lastSeen =
              search
                  + " (zoom "
                  + js(d).executeScript("return window.conflictmap.map.getZoom()")
                  + ")";
          return search.contains("zoom=5");
        });
    assertThat(currentSearch(driver)).contains("type=Strategic+developments");

    driver.findElement(By.id("share-button")).click();
    WebElement link = driver.findElement(By.id("share-link"));
    browser.waitFor("the share link", d -> !link.getAttribute("value").isEmpty());
    String shared = link.getAttribute("value");
    assertThat(shared).startsWith(appOrigin + "/?").contains("zoom=5").contains("type=Strategic");
    assertThat(shared).isEqualTo(appOrigin + "/" + currentSearch(driver));
    // the embed snippet follows the chosen size
    driver.findElement(By.id("embed-button")).click();
    WebElement width = driver.findElement(By.id("embed-width"));
    width.clear();
    width.sendKeys("640");
    assertThat(driver.findElement(By.id("embed-snippet")).getAttribute("value"))
        .startsWith("<iframe src=\"" + appOrigin + "/embed?")
        .contains("width=\"640\"")
        .contains("type=Strategic");
    browser.screenshot("share-dialog.png");

    // a second browser with a profile of its own: nothing carries over but the link
    ChromeDriverService freshService = Chromium.service();
    WebDriver fresh = Chromium.open(freshService, tmp.resolve("profile-fresh"));
    try {
      fresh.get(shared);
      awaitReady(fresh);
      assertThat(
              ((Number) js(fresh).executeScript("return window.conflictmap.map.getZoom()"))
                  .intValue())
          .isEqualTo(5);
      @SuppressWarnings("unchecked")
      List<Number> center =
          (List<Number>)
              js(fresh)
                  .executeScript(
                      "const c = window.conflictmap.map.getCenter(); return [c.lat, c.lng];");
      assertThat(center.get(0).doubleValue())
          .isCloseTo(45.5, org.assertj.core.data.Offset.offset(1e-3));
      assertThat(center.get(1).doubleValue())
          .isCloseTo(35.25, org.assertj.core.data.Offset.offset(1e-3));
      assertThat(eventCount(fresh)).isEqualTo(2);
      assertThat(
              fresh
                  .findElement(
                      By.cssSelector("#filter-form input[data-type='Strategic developments']"))
                  .isSelected())
          .isTrue();
      assertThat(
              fresh
                  .findElement(By.cssSelector("#filter-form input[data-type='Battles']"))
                  .isSelected())
          .isFalse();
      assertThat(fresh.findElement(By.id("url-status")).isDisplayed()).isFalse();
      assertThat(appOrigin + "/" + currentSearch(fresh)).isEqualTo(shared);
      assertNoConsoleErrors(fresh);
    } finally {
      Chromium.quit(fresh, freshService);
    }
  }

  @Test
  void aMalformedLinkFallsBackToTheDefaultViewAndSaysSo() {
    driver.get(appOrigin + "/?center=36,35&zoom=banana&type=Battles");
    awaitReady(driver);
    WebElement status = driver.findElement(By.id("url-status"));
    assertThat(status.isDisplayed()).isTrue();
    assertThat(status.getText()).contains("default view").contains("zoom");
    // nothing of the bad link is applied: every event, no filter ticked
    assertThat(eventCount(driver)).isEqualTo(4);
    assertThat(driver.findElements(By.cssSelector("#filter-form input[type=checkbox]:checked")))
        .isEmpty();
    assertThat(currentSearch(driver)).doesNotContain("banana").doesNotContain("type=");
  }

  @Test
  void anEventLinkOpensThatEventsPopup() {
    long id = eventId("Ankara");
    driver.get(appOrigin + "/?event=" + id);
    awaitReady(driver);
    browser.waitFor(
        "the popup", d -> !d.findElements(By.cssSelector(".leaflet-popup-content")).isEmpty());
    String popup = driver.findElement(By.cssSelector(".leaflet-popup-content")).getText();
    assertThat(popup).contains("Ankara").containsIgnoringCase("Strategic developments");
    assertThat(currentSearch(driver)).contains("event=" + id);
    assertNoConsoleErrors(driver);
  }

  // ---- helpers --------------------------------------------------------------------------

  private static long eventId(String place) {
    try {
      String body =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(appOrigin + "/api/events?q=" + place))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(body)
          .path("features")
          .get(0)
          .path("id")
          .asLong();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void toHostPage() {
    driver.switchTo().defaultContent();
  }

  private static void send(Map<String, Object> message) {
    js(driver).executeScript("send(arguments[0])", message);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> received() {
    Object got = js(driver).executeScript("return window.received");
    assertThat(got).as("messages on the host page").isInstanceOf(List.class);
    return (List<Map<String, Object>>) got;
  }

  /** The first message of this type after the first {@code skip} messages. */
  private static Map<String, Object> awaitMessage(String type, int skip) {
    browser.waitFor(
        "a " + type + " message",
        d -> received().stream().skip(skip).anyMatch(m -> type.equals(m.get("type"))));
    return received().stream().skip(skip).filter(m -> type.equals(m.get("type"))).findFirst().get();
  }

  private static long icons() {
    return browser.number(
        "return document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').length");
  }

  private static long eventCount(WebDriver d) {
    return ((Number)
            js(d).executeScript("return window.conflictmap.layers.events.getLayers().length"))
        .longValue();
  }

  private static String currentSearch(WebDriver d) {
    return (String) js(d).executeScript("return window.location.search");
  }

  private static void awaitReady(WebDriver d) {
    try {
      new WebDriverWait(d, TIMEOUT)
          .until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-ready")));
    } catch (TimeoutException e) {
      throw new AssertionError("the map never became ready; console:\n" + console(d), e);
    }
  }

  private static JavascriptExecutor js(WebDriver d) {
    return (JavascriptExecutor) d;
  }

  private static String lastSeen = "";

  private static String console(WebDriver d) {
    return Chromium.consoleLog(d);
  }

  private static void assertNoConsoleErrors(WebDriver d) {
    Chromium.assertNoConsoleErrors(d);
  }
}
