package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

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

  private static BrowserSession browser;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    browser = BrowserSession.start(tmp, "chrome-profile", LOAD_TIMEOUT, true);
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
  }

  @Test
  void drawsSampleDataAndAddsPastedArticleToTheMap() throws IOException {
    driver.get(browser.origin() + "/");
    browser.waitFor(
        LOAD_TIMEOUT,
        "the initial load (body[data-ready=true])",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));

    assertThat(driver.findElement(By.id("load-status")).isDisplayed())
        .as("load errors: %s", driver.findElement(By.id("load-status")).getText())
        .isFalse();

    // Countries: the base map is drawn from the bundled borders, not from tiles.
    assertThat(browser.number("return window.conflictmap.layers.countries.getLayers().length"))
        .isGreaterThan(100);
    assertThat(
            browser.number(
                "return document.querySelectorAll('.leaflet-countries-pane path.country-shape').length"))
        .isGreaterThan(100);

    // The sample's Idlib zone.
    assertThat(
            browser.number(
                "return document.querySelectorAll('.leaflet-overlay-pane path.zone-shape').length"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            browser.strings(
                "return window.conflictmap.layers.zones.getLayers().map(l => l.feature.properties.name)"))
        .anyMatch(name -> name.contains("Idlib"));

    // The sample's events, as markers or clusters.
    assertThat(
            browser.number(
                "return document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').length"))
        .isGreaterThan(0);
    long eventsBefore = eventCount();
    assertThat(eventsBefore).isGreaterThanOrEqualTo(3);
    assertThat(
            browser.strings(
                "return window.conflictmap.layers.events.getLayers().map(m => m.feature.properties.place_name)"))
        .contains("Idlib");
    assertThat(browser.number("return document.querySelectorAll('#event-list .event-item').length"))
        .isEqualTo(eventsBefore);

    browser.assertNoConsoleErrors();
    browser.screenshot("map.png");

    // Paste an article and submit it, logged in as an editor the way the page expects.
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "localStorage.setItem('conflictmap.editorToken', arguments[0])",
            TestTokens.editor(browser.app()));
    // the page shows the article form to an editor once it has checked the token (editorMode.js)
    driver.navigate().refresh();
    browser.waitFor(
        LOAD_TIMEOUT,
        "the editor's controls (body.can-edit)",
        d ->
            "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                && "editor".equals(d.findElement(By.tagName("body")).getAttribute("data-role")));
    driver.findElement(By.id("article-title")).sendKeys("Fighting near Aleppo and Homs");
    browser.setValue(driver.findElement(By.id("article-date")), "2019-08-28");
    driver.findElement(By.id("article-body")).sendKeys(ARTICLE);
    driver.findElement(By.id("article-submit")).click();

    WebElement status = driver.findElement(By.id("ingest-status"));
    browser.waitFor(
        INGEST_TIMEOUT,
        "the ingest status to settle",
        d -> List.of("success", "duplicate", "error").contains(status.getAttribute("data-state")));
    assertThat(status.getAttribute("data-state"))
        .as("ingest status: %s", status.getText())
        .isEqualTo("success");
    assertThat(status.getText()).containsPattern("^[1-9]\\d* events? added$");

    assertThat(eventCount()).isGreaterThan(eventsBefore);
    assertThat(
            browser.number(
                "return window.conflictmap.layers.events.getLayers().filter(m =>"
                    + " m.feature.properties.place_name === 'Aleppo'"
                    + " && Math.abs(m.getLatLng().lat - 36.2) < 0.1"
                    + " && Math.abs(m.getLatLng().lng - 37.16) < 0.1).length"))
        .as("markers for Aleppo")
        .isGreaterThanOrEqualTo(1);
    assertThat(driver.findElement(By.id("event-list")).getText()).contains("Aleppo");

    browser.assertNoConsoleErrors();
    browser.screenshot("map-after-ingest.png");
  }

  private static long eventCount() {
    return browser.number("return window.conflictmap.layers.events.getLayers().length");
  }
}
