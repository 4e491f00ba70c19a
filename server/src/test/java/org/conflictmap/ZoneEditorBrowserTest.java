package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Draws a zone with the mouse in headless Chromium, saves it, reloads the page and finds it on the
 * map; then opens its panel (counts, chart, history).
 */
class ZoneEditorBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String NAME = "Drawn in the browser";

  @TempDir static Path tmp;
  private static BrowserSession browser;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    browser = BrowserSession.start(tmp, "chrome-profile", TIMEOUT, true);
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
  }

  @Test
  void drawSaveReloadAndFindTheZone() {
    load();
    // an empty stretch of the Sahara, so no existing zone is under the clicks
    centreOnSahara();
    int before = zoneNames().size();

    driver.findElement(By.id("zone-draw")).click();
    WebElement map = driver.findElement(By.id("map"));
    // click where Leaflet puts these corners, as offsets from the map element's centre
    double[][] corners = {{21, 4}, {21, 6}, {23, 6}, {23, 4}};
    for (double[] c : corners) {
      clickAt(map, c[0], c[1]);
    }
    driver.findElement(By.id("zone-finish")).click();
    browser.waitFor("the zone form", d -> d.findElement(By.id("zone-form")).isDisplayed());

    driver.findElement(By.id("zone-name")).sendKeys(NAME);
    browser.setValue(driver.findElement(By.id("zone-valid-from")), "2018-09-17");
    driver.findElement(By.id("zone-save")).click();
    WebElement status = driver.findElement(By.id("zone-status"));
    browser.waitFor(
        "the save to settle",
        d -> List.of("success", "error").contains(status.getAttribute("data-state")));
    assertThat(status.getAttribute("data-state")).as(status.getText()).isEqualTo("success");

    driver.navigate().refresh();
    load();
    List<String> names = zoneNames();
    assertThat(names).hasSize(before + 1).contains(NAME);
    // four corners and the closing position, around the centre where they were clicked
    Object ring =
        browser.script(
            "const l = window.conflictmap.layers.zones.getLayers()"
                + ".find(l => l.feature.properties.name === arguments[0]);"
                + "return l.feature.geometry.coordinates[0];",
            NAME);
    assertThat((List<?>) ring).hasSize(5);
    Object centre =
        browser.script(
            "const l = window.conflictmap.layers.zones.getLayers()"
                + ".find(l => l.feature.properties.name === arguments[0]);"
                + "const c = l.getBounds().getCenter(); return [c.lat, c.lng];",
            NAME);
    assertThat(((Number) ((List<?>) centre).get(0)).doubleValue()).isCloseTo(22, within(0.5));
    assertThat(((Number) ((List<?>) centre).get(1)).doubleValue()).isCloseTo(5, within(0.5));

    // the panel: counts, chart and the history with its first version
    centreOnSahara();
    clickAt(driver.findElement(By.id("map")), 22, 5);
    browser.waitFor(
        "the zone panel",
        d -> !d.findElements(By.cssSelector("#zone-info .zone-history li")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#zone-info .zone-total")).getText())
        .contains("0 event(s) inside");
    assertThat(driver.findElement(By.cssSelector("#zone-info .zone-history")).getText())
        .contains("v1 created by test-editor");
    assertThat(driver.findElements(By.cssSelector("#zone-info svg.zone-chart"))).hasSize(1);

    // the date filter: before 2018-09-17 the new zone is not in force
    browser.setValue(driver.findElement(By.id("zone-at")), "2018-01-01");
    browser.waitFor(
        "zones in force on 2018-01-01",
        d -> "2018-01-01".equals(d.findElement(By.tagName("body")).getAttribute("data-zones-at")));
    assertThat(zoneNames()).doesNotContain(NAME).hasSize(4);
    assertThat(Chromium.severeConsoleErrors(driver)).isEmpty();
  }

  /** A real mouse click where Leaflet draws this lat/lon, in viewport coordinates. */
  private static void clickAt(WebElement map, double lat, double lon) {
    List<?> px =
        (List<?>)
            browser.script(
                "const m = window.conflictmap.map;"
                    + " const p = m.latLngToContainerPoint([arguments[0], arguments[1]]);"
                    + " const r = m.getContainer().getBoundingClientRect();"
                    + " return [r.left + p.x, r.top + p.y];",
                lat,
                lon);
    int dx = (int) Math.round(((Number) px.get(0)).doubleValue());
    int dy = (int) Math.round(((Number) px.get(1)).doubleValue());
    new Actions(driver).moveToLocation(dx, dy).click().perform();
  }

  private static void centreOnSahara() {
    // (after any move the initial load started has finished, or it would carry the map away)
    browser.waitFor(
        "the map centred on the Sahara",
        d -> {
          browser.script(
              "const m = window.conflictmap.map; m.stop(); m.setView([22, 5], 6, {animate: false});");
          sleep(300);
          return (Boolean)
              browser.script(
                  "const c = window.conflictmap.map.getCenter();"
                      + " return Math.abs(c.lat - 22) < 0.01 && Math.abs(c.lng - 5) < 0.01;");
        });
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void load() {
    driver.get(browser.origin() + "/");
    browser.waitFor(
        "the initial load",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    // the editor logs in the way the page expects: the token in localStorage
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "localStorage.setItem('conflictmap.editorToken', arguments[0])",
            TestTokens.editor(browser.app()));
    // the zone editor's buttons are shown to an editor once the page has checked the token
    driver.navigate().refresh();
    browser.waitFor(
        "the editor's controls",
        d ->
            "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                && "editor".equals(d.findElement(By.tagName("body")).getAttribute("data-role")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> zoneNames() {
    return ((List<Object>)
            browser.script(
                "return window.conflictmap.layers.zones.getLayers().map(l => l.feature.properties.name)"))
        .stream().map(String::valueOf).collect(Collectors.toList());
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
