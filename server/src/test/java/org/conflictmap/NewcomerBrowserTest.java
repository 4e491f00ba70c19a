package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A newcomer's first minutes on the map, on a desktop window and on a 390×844 phone viewport: every
 * event reaches its own page (popup link, list row, Share), and the Share dialog offers the social
 * links for it.
 */
class NewcomerBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path tmp;

  private static BrowserSession browser;
  private static WebDriver driver;
  private static long eventId;
  private static long zoneId;
  private static String zoneName;

  private static JsonNode getJson(String path) throws IOException {
    try {
      String body =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.origin() + path))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @BeforeAll
  static void start() throws IOException {
    browser = BrowserSession.start(tmp, "profile", TIMEOUT, true);
    driver = browser.driver();
    JsonNode features = getJson("/api/events").path("features");
    assertThat(features.size()).as("sample events").isPositive();
    eventId = features.get(0).path("id").asLong();
    JsonNode zone = getJson("/api/zones").path("features").get(0);
    assertThat(zone).as("a sample zone").isNotNull();
    zoneId = zone.path("id").asLong();
    zoneName = zone.path("properties").path("name").asText();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
  }

  @Test
  void everyEventIsAPageOnDesktop() throws IOException {
    browser.viewport(1280, 800);
    everyEventIsAPage("desktop");
  }

  @Test
  void everyEventIsAPageOnAPhone() throws IOException {
    browser.viewport(390, 844);
    everyEventIsAPage("phone");
  }

  private void everyEventIsAPage(String device) throws IOException {
    String page = browser.origin() + "/events/" + eventId;
    load("/?event=" + eventId);
    WebElement popup =
        browser.waitFor(
            "the popup of event " + eventId,
            d ->
                d.findElement(
                    By.cssSelector(
                        ".leaflet-popup [data-testid=event-popup][data-event-id='"
                            + eventId
                            + "']")));
    assertThat(
            popup.findElement(By.cssSelector("[data-testid=popup-page-link]")).getAttribute("href"))
        .isEqualTo(page);
    // each list row has its own link to the page, beside the button that opens the popup
    List<WebElement> rowLinks = driver.findElements(By.cssSelector("#event-list .event-page-link"));
    assertThat(rowLinks).isNotEmpty();
    assertThat(
            rowLinks.stream()
                .map(a -> (String) browser.script("return arguments[0].href", a))
                .toList())
        .contains(page)
        .allMatch(href -> href.matches("\\Q" + browser.origin() + "\\E/events/\\d+"));

    // Share on an open event gives the event's page, whose card is the event's
    browser.script("document.getElementById('share-button').click()");
    WebElement link = browser.waitFor("the share dialog", d -> d.findElement(By.id("share-link")));
    browser.waitFor("the share link", d -> link.getAttribute("value").isEmpty() ? null : true);
    assertThat(link.getAttribute("value")).isEqualTo(page);
    assertThat(driver.findElement(By.id("share-title")).getText()).isEqualTo("Share this event");
    String encoded = URLEncoder.encode(page, StandardCharsets.UTF_8);
    Map<String, String> social = socialHrefs("#share-dialog");
    assertThat(social).containsOnlyKeys("email", "x", "facebook", "whatsapp", "telegram");
    assertThat(social.values()).allMatch(href -> href.contains(encoded));
    browser.screenshot("newcomer-share-event-" + device + ".png");

    // the page itself: readable, with the same links
    driver.get(page);
    browser.waitFor("the event page", d -> d.findElement(By.cssSelector("h1.event-place")));
    assertThat(socialHrefs(".event-card")).containsOnlyKeys(social.keySet());
    browser.screenshot("newcomer-event-page-" + device + ".png");
    browser.assertNoConsoleErrors();
  }

  @Test
  void filtersYouCanSeeOnDesktop() throws IOException {
    browser.viewport(1280, 800);
    filtersYouCanSee("desktop");
  }

  @Test
  void filtersYouCanSeeOnAPhone() throws IOException {
    browser.viewport(390, 844);
    filtersYouCanSee("phone");
  }

  private void filtersYouCanSee(String device) throws IOException {
    // a zone in the link is shown: as a chip and in the zone picker, and Clear takes it off the URL
    load("/?zone=" + zoneId + "&type=Battles");
    browser.waitFor(
        "the zone chip",
        d ->
            d.findElements(By.cssSelector("#filter-chips [data-chip=zone]")).isEmpty()
                ? null
                : true);
    assertThat(textOf(chip("zone"))).contains("Zone: " + zoneName);
    assertThat(textOf(chip("type"))).contains("Battles");
    assertThat(driver.findElement(By.id("filter-zone")).getAttribute("value"))
        .isEqualTo(String.valueOf(zoneId));
    browser.screenshot("newcomer-filter-chips-" + device + ".png");
    // removing one chip removes only that filter
    browser.script(
        "arguments[0].click()", chip("type").findElement(By.cssSelector(".filter-chip-remove")));
    browser.waitFor("the type filter to go", d -> urlQuery().contains("type=") ? null : true);
    assertThat(urlQuery()).contains("zone=" + zoneId);
    browser.script("document.getElementById('filter-clear').click()");
    browser.waitFor("the zone to leave the URL", d -> urlQuery().contains("zone=") ? null : true);
    assertThat(driver.findElements(By.cssSelector("#filter-chips .filter-chip"))).isEmpty();
    assertThat(driver.findElement(By.id("filter-zone")).getAttribute("value")).isEmpty();

    // no match says so, and offers the whole period
    load("/?q=zzzznothing&datetime=2000-01-01/2000-01-02");
    WebElement empty =
        browser.waitFor(
            "the empty list", d -> d.findElement(By.cssSelector("[data-testid=event-empty]")));
    assertThat(textOf(empty)).contains("No events match these filters").doesNotContain("Paste");
    browser.screenshot("newcomer-no-match-" + device + ".png");
    browser.script("document.querySelector('[data-testid=widen-period]').click()");
    browser.waitFor("the dates to go", d -> urlQuery().contains("datetime=") ? null : true);
    assertThat(urlQuery()).contains("q=zzzznothing");
    assertThat(driver.findElements(By.cssSelector("#filter-chips [data-chip=dates]"))).isEmpty();
    browser.assertNoConsoleErrors();
  }

  @Test
  void mapEmbedAndEventPagesFitAPhone() throws IOException {
    browser.viewport(390, 844);
    load("/");
    assertFits("/");
    browser.screenshot("newcomer-phone-map.png");
    browser.script("document.getElementById('panel-toggle').click()");
    browser.waitFor(
        "the panel",
        d -> d.findElement(By.id("side-panel")).getRect().getHeight() > 0 ? true : null);
    assertFits("/ with the panel open");
    browser.screenshot("newcomer-phone-panel.png");
    driver.get(browser.origin() + "/embed?timeline=1");
    browser.waitFor("the embed", d -> d.findElement(By.cssSelector(".leaflet-container")));
    assertFits("/embed");
    // the timeline covers neither the legend nor the attribution, and the legend starts folded
    @SuppressWarnings("unchecked")
    List<Boolean> clear =
        (List<Boolean>)
            browser.script(
                "const t = document.getElementById('timeline').getBoundingClientRect();"
                    + "return ['.legend', '.leaflet-control-attribution'].map((s) => {"
                    + "  const r = document.querySelector(s).getBoundingClientRect();"
                    + "  return r.bottom <= t.top || r.top >= t.bottom"
                    + "    || r.right <= t.left || r.left >= t.right; });");
    assertThat(clear).as("legend, attribution clear of the timeline").containsExactly(true, true);
    assertThat(browser.script("return document.querySelector('.legend details').open"))
        .isEqualTo(false);
    browser.screenshot("newcomer-phone-embed.png");
    driver.get(browser.origin() + "/events/" + eventId);
    browser.waitFor("the event page", d -> d.findElement(By.cssSelector("h1.event-place")));
    assertFits("/events/" + eventId);
    browser.screenshot("newcomer-phone-event-page.png");
  }

  /**
   * No visible element reaches past the viewport's sides (the map's own panes, which pan, are left
   * out), and the page does not scroll sideways.
   */
  private static void assertFits(String page) {
    @SuppressWarnings("unchecked")
    List<String> over =
        (List<String>)
            browser.script(
                "const w = window.innerWidth, out = [];"
                    + "for (const el of document.querySelectorAll('body *')) {"
                    + "  if (el.closest('.leaflet-pane')) continue;"
                    + "  const r = el.getBoundingClientRect();"
                    + "  if (r.width === 0 || r.height === 0) continue;"
                    + "  if (r.right > w + 0.5 || r.left < -0.5)"
                    + "    out.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className"
                    + "      + ' [' + Math.round(r.left) + ',' + Math.round(r.right) + ']');"
                    + "}"
                    + "if (document.documentElement.scrollWidth > w)"
                    + "  out.push('document scrollWidth ' + document.documentElement.scrollWidth);"
                    + "return out;");
    assertThat(over).as("elements wider than the 390 px viewport on " + page).isEmpty();
  }

  private static WebElement chip(String kind) {
    return driver.findElement(By.cssSelector("#filter-chips [data-chip=" + kind + "]"));
  }

  /** Text whether or not the element is scrolled into view (the phone's panel may be folded). */
  private static String textOf(WebElement e) {
    return (String) browser.script("return arguments[0].textContent", e);
  }

  private static String urlQuery() {
    return (String) browser.script("return window.location.search");
  }

  /** Read in one script: the open dialog re-renders its links whenever the map moves. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> socialHrefs(String scope) {
    return new java.util.TreeMap<>(
        (Map<String, String>)
            browser.script(
                "return Object.fromEntries([...document.querySelectorAll(arguments[0]"
                    + " + ' .social-links a[data-share]')].map((a) => [a.dataset.share, a.href]));",
                scope));
  }

  private static void load(String path) {
    driver.get(browser.origin() + path);
    browser.waitFor(
        "the initial load",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }
}
