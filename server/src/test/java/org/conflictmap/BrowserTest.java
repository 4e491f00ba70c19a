package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.conflictmap.config.Config;
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
 * Drives the real app in headless Chromium: the sample data must be drawn (countries, the Idlib
 * zone, the sample's events), and an article pasted into the panel must end up as markers on the
 * map without a reload.
 */
class BrowserTest {
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration INGEST_TIMEOUT = Duration.ofSeconds(30);

  private static final String ARTICLE =
      "Clashes between government troops and opposition fighters were reported on the outskirts of Aleppo on "
          + "Wednesday. Later the same day an air strike hit a market in Homs, residents said.";

  @TempDir static Path tmp;

  private static App app;
  private static ChromeDriverService service;
  private static WebDriver driver;
  private static String baseUrl;

  @BeforeAll
  static void start() throws IOException {
    Chromium.assumeAvailable();

    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    app = App.start(Config.defaults().withPort(0).withDataDir(dataDir).withSample(true));
    baseUrl = "http://127.0.0.1:" + app.port() + "/";

    service = Chromium.service();
    driver = Chromium.open(service, tmp.resolve("chrome-profile"));
  }

  @AfterAll
  static void stop() {
    try {
      Chromium.quit(driver, service);
    } finally {
      if (app != null) app.close();
    }
  }

  @Test
  void drawsSampleDataAndAddsPastedArticleToTheMap() throws IOException {
    driver.get(baseUrl);
    waitFor(
        LOAD_TIMEOUT,
        "the initial load (body[data-ready=true])",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));

    assertThat(driver.findElement(By.id("load-status")).isDisplayed())
        .as("load errors: %s", driver.findElement(By.id("load-status")).getText())
        .isFalse();

    // Countries: the base map is drawn from the bundled borders, not from tiles.
    assertThat(number("return window.conflictmap.layers.countries.getLayers().length"))
        .isGreaterThan(100);
    assertThat(
            number(
                "return document.querySelectorAll('.leaflet-countries-pane path.country-shape').length"))
        .isGreaterThan(100);

    // The sample's Idlib zone.
    assertThat(
            number(
                "return document.querySelectorAll('.leaflet-overlay-pane path.zone-shape').length"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            strings(
                "return window.conflictmap.layers.zones.getLayers().map(l => l.feature.properties.name)"))
        .anyMatch(name -> name.contains("Idlib"));

    // The sample's events, as markers or clusters.
    assertThat(
            number(
                "return document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').length"))
        .isGreaterThan(0);
    long eventsBefore = eventCount();
    assertThat(eventsBefore).isGreaterThanOrEqualTo(3);
    assertThat(
            strings(
                "return window.conflictmap.layers.events.getLayers().map(m => m.feature.properties.place_name)"))
        .contains("Idlib");
    assertThat(number("return document.querySelectorAll('#event-list .event-item').length"))
        .isEqualTo(eventsBefore);

    assertNoConsoleErrors();
    screenshot("map.png");

    // Paste an article and submit it, logged in as an editor the way the page expects.
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "localStorage.setItem('conflictmap.editorToken', arguments[0])",
            TestTokens.editor(app));
    // the page shows the article form to an editor once it has checked the token (editorMode.js)
    driver.navigate().refresh();
    waitFor(
        LOAD_TIMEOUT,
        "the editor's controls (body.can-edit)",
        d ->
            "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                && "editor".equals(d.findElement(By.tagName("body")).getAttribute("data-role")));
    driver.findElement(By.id("article-title")).sendKeys("Fighting near Aleppo and Homs");
    setValue(driver.findElement(By.id("article-date")), "2019-08-28");
    driver.findElement(By.id("article-body")).sendKeys(ARTICLE);
    driver.findElement(By.id("article-submit")).click();

    WebElement status = driver.findElement(By.id("ingest-status"));
    waitFor(
        INGEST_TIMEOUT,
        "the ingest status to settle",
        d -> List.of("success", "duplicate", "error").contains(status.getAttribute("data-state")));
    assertThat(status.getAttribute("data-state"))
        .as("ingest status: %s", status.getText())
        .isEqualTo("success");
    assertThat(status.getText()).containsPattern("^[1-9]\\d* events? added$");

    assertThat(eventCount()).isGreaterThan(eventsBefore);
    assertThat(
            number(
                "return window.conflictmap.layers.events.getLayers().filter(m =>"
                    + " m.feature.properties.place_name === 'Aleppo'"
                    + " && Math.abs(m.getLatLng().lat - 36.2) < 0.1"
                    + " && Math.abs(m.getLatLng().lng - 37.16) < 0.1).length"))
        .as("markers for Aleppo")
        .isGreaterThanOrEqualTo(1);
    assertThat(driver.findElement(By.id("event-list")).getText()).contains("Aleppo");

    assertNoConsoleErrors();
    screenshot("map-after-ingest.png");
  }

  private static long eventCount() {
    return number("return window.conflictmap.layers.events.getLayers().length");
  }

  private static long number(String script) {
    Object value = js().executeScript(script);
    assertThat(value).as(script).isInstanceOf(Number.class);
    return ((Number) value).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(String script) {
    Object value = js().executeScript(script);
    assertThat(value).as(script).isInstanceOf(List.class);
    return ((List<Object>) value).stream().map(String::valueOf).collect(Collectors.toList());
  }

  /**
   * Date inputs take typed keys in the browser's locale format; setting the ISO value is
   * locale-proof.
   */
  private static void setValue(WebElement input, String value) {
    js().executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            input,
            value);
  }

  private static JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  private static void waitFor(
      Duration timeout, String what, java.util.function.Function<WebDriver, Boolean> done) {
    try {
      new WebDriverWait(driver, timeout).until(done::apply);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "timed out waiting for " + what + "; browser console:\n" + consoleLog(), e);
    }
  }

  private static String consoleLog() {
    return Chromium.consoleLog(driver);
  }

  private static void assertNoConsoleErrors() {
    Chromium.assertNoConsoleErrors(driver);
  }

  private static void screenshot(String name) throws IOException {
    Chromium.screenshot(driver, name);
  }
}
