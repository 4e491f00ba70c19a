package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In headless Chromium: an event reported by two articles shows its figures, both sources and its
 * corroboration in the popup; an editor corrects it in the popup and deletes another; a "near"
 * event has its circle and a region-level event its approximate outline.
 */
class EventPopupBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static BrowserSession browser;
  private static WebDriver driver;
  private static long hama;
  private static long region;
  private static long near;

  @BeforeAll
  static void start() throws Exception {
    browser = BrowserSession.start(tmp, "chrome-profile", TIMEOUT, false);
    driver = browser.driver();

    hama =
        onlyEventId(
            post(
                "/api/articles",
                article("https://one.example/hama", "Shelling hit Hama on Monday.")));
    assertThat(
            onlyEventId(
                post(
                    "/api/articles",
                    article(
                        "https://two.example/hama",
                        "Artillery shelling struck Hama on Monday, residents said."))))
        .isEqualTo(hama);
    send("PATCH", "/api/events/" + hama, "{\"fatalities\":7}");
    near =
        onlyEventId(
            post(
                "/api/articles",
                article("https://three.example/homs", "Talks were held near Homs on Monday.")));
    region =
        onlyEventId(
            post(
                "/api/articles",
                article(
                    "https://four.example/idlib",
                    "Clashes continued in Idlib province on Monday.")));
    JsonNode r = JSON.readTree(send("GET", "/api/events/" + region, null));
    assertThat(r.path("properties").path("geo_precision").asInt()).as(r.toString()).isEqualTo(3);
    r = JSON.readTree(send("GET", "/api/events/" + near, null));
    assertThat(r.path("properties").path("geo_precision").asInt()).as(r.toString()).isEqualTo(2);
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
  }

  @Test
  void popupShowsFiguresSourcesAndCorroborationAndAnEditorCorrectsAndDeletes() throws Exception {
    driver.get(browser.origin() + "/");
    browser.waitFor(
        "the initial load",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    browser.script("localStorage.setItem('conflictmap.editorName', 'Browser Editor')");
    // the editor logs in the way the page expects: the token in localStorage
    browser.script(
        "localStorage.setItem('conflictmap.editorToken', arguments[0])",
        TestTokens.editor(browser.app()));
    // the popups show the correction buttons to an editor once the page has checked the token
    driver.navigate().refresh();
    browser.waitFor(
        "the editor's controls",
        d ->
            "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                    && "editor".equals(d.findElement(By.tagName("body")).getAttribute("data-role"))
                ? true
                : null);

    // the merged event: one marker with a badge of 2 sources
    WebElement popup = openPopup(hama);
    assertThat(popup.findElement(By.cssSelector("[data-testid=popup-fatalities]")).getText())
        .isEqualTo("7");
    assertThat(popup.findElement(By.cssSelector("[data-testid=popup-injuries]")).getText())
        .isEqualTo("not stated");
    WebElement sources = popup.findElement(By.cssSelector("[data-testid=popup-sources]"));
    assertThat(sources.getText())
        .containsIgnoringCase("corroborated by 2 articles")
        .contains("Artillery shelling struck Hama");
    assertThat(
            sources.findElements(By.tagName("a")).stream()
                .map(a -> a.getAttribute("href"))
                .toList())
        .containsExactly("https://one.example/hama", "https://two.example/hama");
    assertThat(popup.findElement(By.cssSelector("[data-testid=popup-corrected]")).getText())
        .contains("fatalities");
    assertThat(
            browser.number(
                "return document.querySelectorAll('.leaflet-marker-pane .event-badge').length"))
        .isGreaterThanOrEqualTo(1);
    browser.screenshot("popup-sources.png");

    // the editor corrects type, sub-type and toll in the popup
    popup.findElement(By.cssSelector("[data-testid=edit-event]")).click();
    WebElement form =
        browser.waitFor(
            "the edit form",
            d -> d.findElement(By.cssSelector(".leaflet-popup [data-testid=edit-form]")));
    new Select(form.findElement(By.cssSelector("[data-testid=edit-type]")))
        .selectByVisibleText("Battles");
    new Select(form.findElement(By.cssSelector("[data-testid=edit-subtype]")))
        .selectByVisibleText("Armed clash");
    WebElement fatalities = form.findElement(By.cssSelector("[data-testid=edit-fatalities]"));
    fatalities.clear();
    fatalities.sendKeys("9");
    WebElement injuries = form.findElement(By.cssSelector("[data-testid=edit-injuries]"));
    injuries.sendKeys("0");
    form.findElement(By.cssSelector("[data-testid=edit-save]")).click();
    browser.waitFor(
        "the corrected popup",
        d ->
            d.findElement(By.cssSelector(".leaflet-popup [data-testid=popup-fatalities]"))
                .getText()
                .equals("9"));
    WebElement corrected =
        driver.findElement(By.cssSelector(".leaflet-popup [data-testid=event-popup]"));
    assertThat(corrected.findElement(By.cssSelector("[data-testid=popup-injuries]")).getText())
        .isEqualTo("0");
    assertThat(
            corrected
                .findElement(By.cssSelector("[data-testid=popup-type]"))
                .getAttribute("textContent"))
        .isEqualTo("Battles · Armed clash");
    JsonNode stored = JSON.readTree(send("GET", "/api/events/" + hama, null)).path("properties");
    assertThat(stored.path("fatalities").asInt()).isEqualTo(9);
    assertThat(stored.path("sub_event_type").asText()).isEqualTo("Armed clash");
    JsonNode history =
        JSON.readTree(send("GET", "/api/events/" + hama + "/history", null)).path("corrections");
    assertThat(history.findValuesAsText("editor")).contains("Browser Editor");
    assertThat(history.findValuesAsText("field"))
        .contains("event_type", "sub_event_type", "injuries");
    browser.screenshot("popup-corrected.png");

    // a "near" event has its circle; a region-level event shows the region's approximate outline
    assertThat(browser.number("return document.querySelectorAll('path.near-circle').length"))
        .isGreaterThanOrEqualTo(1);
    openPopup(region);
    browser.waitFor(
        "the approximate outline",
        d -> !d.findElements(By.cssSelector("path.region-outline")).isEmpty());
    browser.screenshot("region-outline.png");

    // drag the merged event to a new place (down: south) and confirm
    double latBefore =
        JSON.readTree(send("GET", "/api/events/" + hama, null))
            .path("geometry")
            .path("coordinates")
            .get(1)
            .asDouble();
    WebElement hamaPopup = openPopup(hama);
    hamaPopup.findElement(By.cssSelector("[data-testid=move-event]")).click();
    WebElement icon =
        (WebElement)
            browser.script(
                "return window.conflictmap.layers.events.getLayers()"
                    + ".find(m => m.feature.id === "
                    + hama
                    + ").getElement()");
    new org.openqa.selenium.interactions.Actions(driver)
        .clickAndHold(icon)
        .moveByOffset(10, 10)
        .moveByOffset(30, 30)
        .release()
        .perform();
    browser
        .waitFor(
            "the move confirmation",
            d -> d.findElement(By.cssSelector(".leaflet-popup [data-testid=move-save]")))
        .click();
    browser.waitFor(
        "the moved popup",
        d -> d.findElement(By.cssSelector(".leaflet-popup [data-testid=event-popup]")));
    JsonNode moved = JSON.readTree(send("GET", "/api/events/" + hama, null));
    assertThat(moved.path("properties").path("corrected").toString())
        .contains("lat")
        .contains("lon");
    assertThat(moved.path("geometry").path("coordinates").get(1).asDouble()).isLessThan(latBefore);

    // delete, with a confirmation
    WebElement nearPopup = openPopup(near);
    nearPopup.findElement(By.cssSelector("[data-testid=delete-event]")).click();
    nearPopup.findElement(By.cssSelector("[data-testid=confirm-delete]")).click();
    browser.waitFor(
        "the marker to go",
        d ->
            browser.number(
                    "return window.conflictmap.layers.events.getLayers().filter(m => m.feature.id === "
                        + near
                        + ").length")
                == 0);
    assertThat(status("/api/events/" + near)).isEqualTo(404);
    assertThat(driver.findElement(By.id("event-list")).getText()).doesNotContain("Homs");
    browser.assertNoConsoleErrors();
  }

  /** Opens an event's popup the way a user does: from its row in the event list. */
  private static WebElement openPopup(long id) {
    browser.script("window.conflictmap.map.closePopup()");
    driver
        .findElement(By.cssSelector("#event-list .event-item[data-event-id='" + id + "']"))
        .click();
    return browser.waitFor(
        "the popup of event " + id,
        d ->
            d.findElement(
                By.cssSelector(
                    ".leaflet-popup [data-testid=event-popup][data-event-id='" + id + "']")));
  }

  private static String article(String url, String body) {
    return JSON.createObjectNode()
        .put("title", "Report from " + URI.create(url).getHost())
        .put("body", body)
        .put("url", url)
        .put("published", "2019-08-26")
        .toString();
  }

  private static long onlyEventId(String response) throws IOException {
    JsonNode features = JSON.readTree(response).path("events").path("features");
    assertThat(features).as(response).hasSize(1);
    return features.get(0).path("id").asLong();
  }

  private static String post(String path, String json) throws Exception {
    return send("POST", path, json);
  }

  private static String send(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(browser.origin() + path));
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) b.header("Content-Type", "application/json");
    b.header("Authorization", "Bearer " + TestTokens.editor(browser.app()));
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
    return r.body();
  }

  private static int status(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(browser.origin() + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
