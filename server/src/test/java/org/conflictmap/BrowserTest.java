package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the real app in headless Chromium: the sample data must be drawn (countries, the Idlib
 * zone, the sample's events), and an article pasted into the panel must end up as markers on the
 * map without a reload.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
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
    // A developer machine without Chromium may skip; CI must never silently skip.
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) || "true".equals(System.getenv("CI")),
        "no /usr/bin/chromedriver (install chromium and chromium-driver to run the browser test)");

    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    Path profileDir = Files.createDirectories(tmp.resolve("chrome-profile"));
    app = App.start(Config.defaults().withPort(0).withDataDir(dataDir).withSample(true));
    baseUrl = "http://127.0.0.1:" + app.port() + "/";

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
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
        "--user-data-dir=" + profileDir.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);

    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    try {
      if (driver != null) driver.quit();
    } finally {
      try {
        if (service != null) service.stop();
      } finally {
        if (app != null) app.close();
      }
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

    // Paste an article and submit it.
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

  private static List<LogEntry> consoleEntries() {
    return driver.manage().logs().get(LogType.BROWSER).getAll();
  }

  private static String consoleLog() {
    return consoleEntries().stream()
        .map(e -> e.getLevel() + " " + e.getMessage())
        .collect(Collectors.joining("\n"));
  }

  private static void assertNoConsoleErrors() {
    List<String> errors =
        consoleEntries().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .collect(Collectors.toList());
    assertThat(errors).as("browser console errors").isEmpty();
  }

  private static void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots");
    Files.createDirectories(dir);
    File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
