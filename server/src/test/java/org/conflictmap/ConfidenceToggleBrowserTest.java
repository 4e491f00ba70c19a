package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: "Hide uncertain events" takes off the map an event whose type is firm but
 * whose place is doubtful, keeps the floor in the URL, and a link with the floor opens with it.
 */
class ConfidenceToggleBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static App app;
  private static ChromeDriverService service;
  private static WebDriver driver;
  private static String baseUrl;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeAvailable();
    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    app = App.start(Config.defaults().withPort(0).withDataDir(dataDir).withSample(false));
    baseUrl = "http://127.0.0.1:" + app.port();
    post("https://one.example/homs", "Air strikes hit Homs on Monday, Syrian officials said.");
    // the bundled gazetteer's only Palma is abroad, and this article is about Mozambique
    post(
        "https://two.example/palma",
        "Air strikes hit Palma on Monday. Mozambican officials in Maputo said the army had"
            + " been sent.");
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
  void theToggleHidesAnEventWhosePlaceIsDoubtfulAndKeepsTheFloorInTheUrl() throws Exception {
    driver.get(baseUrl + "/");
    waitForReady();
    waitFor("both events on the map", d -> places().size() == 2);
    assertThat(places()).containsExactlyInAnyOrder("Homs", "Palma");

    driver.findElement(By.cssSelector("[data-testid=hide-uncertain]")).click();
    waitFor("the doubtful event to leave the map", d -> places().equals(List.of("Homs")));
    waitFor(
        "the floor in the URL",
        d -> d.getCurrentUrl().contains("min_confidence=0.8") ? true : null);
    Chromium.screenshot(driver, "confidence-toggle-on.png");

    // a link with the floor opens with the toggle on and the event hidden
    String link = driver.getCurrentUrl();
    driver.get("about:blank");
    driver.get(link);
    waitForReady();
    waitFor("the floored map", d -> places().equals(List.of("Homs")));
    assertThat(driver.findElement(By.cssSelector("[data-testid=hide-uncertain]")).isSelected())
        .isTrue();

    driver.findElement(By.cssSelector("[data-testid=hide-uncertain]")).click();
    waitFor("both events back", d -> places().size() == 2);
    waitFor(
        "the floor gone from the URL",
        d -> d.getCurrentUrl().contains("min_confidence") ? null : true);
    Chromium.assertNoConsoleErrors(driver);
  }

  private static void waitForReady() {
    waitFor(
        "the initial load",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> places() {
    Object value =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return window.conflictmap.layers.events.getLayers()"
                    + ".map(l => l.feature && l.feature.properties.place_name).sort()");
    return ((List<Object>) value).stream().map(String::valueOf).collect(Collectors.toList());
  }

  private static void post(String url, String body) throws Exception {
    String json =
        JSON.createObjectNode()
            .put("title", "Report from " + URI.create(url).getHost())
            .put("body", body)
            .put("url", url)
            .put("published", "2019-08-26")
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/articles"))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TestTokens.editor(app))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static <T> T waitFor(String what, java.util.function.Function<WebDriver, T> done) {
    try {
      return new WebDriverWait(driver, TIMEOUT).until(done::apply);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "timed out waiting for " + what + "; browser console:\n" + Chromium.consoleLog(driver),
          e);
    }
  }
}
