package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Share dialog of a filtered view in headless Chromium: its preview image link carries every
 * filter of the view and the server draws it (issue 16: {@code /preview.png} used to refuse the
 * country, actor, precision and fatalities filters, and the heat layer, with 400).
 */
class SharePreviewBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path tmp;

  private static App app;
  private static ChromeDriverService service;
  private static WebDriver driver;
  private static String origin;

  @BeforeAll
  static void start() throws IOException {
    Chromium.assumeAvailable();
    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    app = App.start(Config.defaults().withPort(0).withDataDir(dataDir).withSample(true));
    origin = "http://127.0.0.1:" + app.port();
    service = Chromium.service();
    driver = Chromium.open(service, tmp.resolve("profile"));
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
  void theShareDialogsPreviewOfAFilteredViewIsAPicture() throws Exception {
    driver.get(origin + "/");
    waitFor(
        "the map",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    // filter as a person does: a type ticked, a country and a least toll typed in, the heat shown
    driver.findElement(By.cssSelector("#filter-form input[data-type='Battles']")).click();
    type("filter-country", "SY");
    type("filter-fatalities", "1");
    js().executeScript(
            "window.conflictmap.map.addLayer(window.conflictmap.layers.heat);"
                + "window.conflictmap.map.fire('moveend');");
    waitFor(
        "the URL to carry the filters",
        d -> {
          String s = search();
          return s.contains("country=SY")
              && s.contains("min_fatalities=1")
              && s.contains("type=Battles")
              && s.contains("heat");
        });

    driver.findElement(By.id("share-button")).click();
    waitFor("the share dialog", d -> d.findElement(By.id("share-dialog")).isDisplayed());
    String href = driver.findElement(By.id("share-preview")).getAttribute("href");
    assertThat(href)
        .startsWith(origin + "/preview.png?")
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
    Chromium.assertNoConsoleErrors(driver);
  }

  private static void type(String id, String value) {
    js().executeScript(
            "const i = document.getElementById(arguments[0]); i.value = arguments[1];"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));"
                + "i.dispatchEvent(new Event('change', {bubbles: true}));",
            id,
            value);
  }

  private static String search() {
    return (String) js().executeScript("return window.location.search");
  }

  private static JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  private static void waitFor(String what, Function<WebDriver, Boolean> done) {
    try {
      new WebDriverWait(driver, TIMEOUT).until(done::apply);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "timed out waiting for "
              + what
              + " (at "
              + search()
              + "); console:\n"
              + Chromium.consoleLog(driver),
          e);
    }
  }
}
