package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Share dialog of a filtered view in headless Chromium: its preview image link carries every
 * filter of the view and the server draws it (issue 16: {@code /preview.png} used to refuse the
 * country, actor, precision and fatalities filters, and the heat layer, with 400).
 */
class SharePreviewBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path tmp;

  private static BrowserSession browser;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    browser = BrowserSession.start(tmp, "profile", TIMEOUT, true);
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
  }

  @Test
  void theShareDialogsPreviewOfAFilteredViewIsAPicture() throws Exception {
    driver.get(browser.origin() + "/");
    browser.waitFor(
        "the map",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    // filter as a person does: a type ticked, a country and a least toll typed in, the heat shown
    driver.findElement(By.cssSelector("#filter-form input[data-type='Battles']")).click();
    browser.type("filter-country", "SY");
    browser.type("filter-fatalities", "1");
    browser.script(
        "window.conflictmap.map.addLayer(window.conflictmap.layers.heat);"
            + "window.conflictmap.map.fire('moveend');");
    browser.waitFor(
        "the URL to carry the filters",
        d -> {
          String s = search();
          return s.contains("country=SY")
              && s.contains("min_fatalities=1")
              && s.contains("type=Battles")
              && s.contains("heat");
        });

    driver.findElement(By.id("share-button")).click();
    browser.waitFor("the share dialog", d -> d.findElement(By.id("share-dialog")).isDisplayed());
    String href = driver.findElement(By.id("share-preview")).getAttribute("href");
    assertThat(href)
        .startsWith(browser.origin() + "/preview.png?")
        .contains("country=SY")
        .contains("min_fatalities=1")
        .contains("type=Battles")
        .contains("heat");

    HttpResponse<byte[]> png =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).as(href + ": " + new String(png.body())).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
    browser.assertNoConsoleErrors();
  }

  private static String search() {
    return (String) browser.script("return window.location.search");
  }
}
