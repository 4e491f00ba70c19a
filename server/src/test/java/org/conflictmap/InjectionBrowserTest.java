package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.conflictmap.feeds.LoopbackFeedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every string from users, articles and feeds is text: payloads planted in an article's title, body
 * and source URL, a zone's name and description, a feed item and an editor's name are shown as text
 * on {@code /}, {@code /embed} and {@code /events/{id}}, in tooltips, popups, the event list and
 * the zone panel, and never set the page-level flag they try to set.
 */
class InjectionBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
  static final String SVG = "\"><svg onload=window.__xss=1>";
  static final String JS_URL = "javascript:window.__xss=1";

  /** A URL the server accepts that breaks out of a single-quoted attribute. */
  static final String ATTR_URL = "https://one.example/hama?q='onmouseover='window.__xss=1";

  static final String SCRIPT = "</script><script>window.__xss=1</script>";
  static final String ZONE_NAME = "Zone " + IMG;
  static final String EDITOR = "Editor " + SVG;
  static final String FEED_TITLE = "Wire " + IMG;

  @TempDir static Path tmp;

  private static LoopbackFeedServer feeds;
  private static BrowserSession browser;
  private static WebDriver driver;
  private static final List<Long> events = new ArrayList<>();
  private static long zone;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeAvailable();
    feeds = new LoopbackFeedServer();
    String xmlTitle = FEED_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    URI feed =
        feeds.feed(
            "/wire.rss",
            new AtomicReference<>(
                LoopbackFeedServer.rss(
                    LoopbackFeedServer.item(
                        "x-1",
                        "https://wire.example/homs",
                        xmlTitle,
                        "<p>Shelling hit Homs on Monday. " + SCRIPT + "</p>",
                        "Mon, 26 Aug 2019 09:00:00 GMT"))));
    browser =
        BrowserSession.start(
            tmp,
            "chrome-profile",
            TIMEOUT,
            c -> c.withSample(false).withFeeds(List.of(feed), Duration.ofMinutes(10)));
    driver = browser.driver();

    // a javascript: source URL is refused at the door, so it never reaches a page as a link
    assertThat(
            status("POST", "/api/articles", article(IMG, "Shelling hit Hama on Monday.", JS_URL)))
        .isEqualTo(422);
    events.add(
        eventId(
            send(
                "POST",
                "/api/articles",
                Map.of(),
                article(IMG, "Shelling hit Hama on Monday. " + SVG + " " + SCRIPT, ATTR_URL))));
    events.add(
        eventId(
            send(
                "POST",
                "/api/articles",
                Map.of(),
                article(
                    SCRIPT,
                    "Clashes continued in Idlib province on Monday. " + IMG,
                    "https://x.example/idlib?q=" + SVG.length()))));
    // a zone away from the events, so hovering it hits the zone and nothing else
    String zoneJson =
        JSON.createObjectNode()
            .put("type", "Feature")
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "geometry",
                JSON.readTree(
                    "{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[20,20],[22,20],[22,22],[20,22],[20,20]]]}"))
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "properties",
                JSON.createObjectNode()
                    .put("name", ZONE_NAME)
                    .put("kind", "demilitarised-zone")
                    .put("description", SVG + " " + SCRIPT)
                    .put("valid_from", "2018-09-17"))
            .toString();
    zone =
        JSON.readTree(send("POST", "/api/zones", Map.of("X-Editor", EDITOR), zoneJson))
            .path("id")
            .asLong();
    // the feed's item reaches the store in its first poll
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (JSON.readTree(send("GET", "/api/events", Map.of(), null)).path("features").size() < 3) {
      assertThat(System.nanoTime()).as("the feed item's event").isLessThan(deadline);
      Thread.sleep(100);
    }
    for (JsonNode f : JSON.readTree(send("GET", "/api/events", Map.of(), null)).path("features")) {
      if (!events.contains(f.path("id").asLong())) events.add(f.path("id").asLong());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      BrowserSession.close(browser);
    } finally {
      if (feeds != null) feeds.close();
    }
  }

  @Test
  void theMapShowsEveryPayloadAsText() throws Exception {
    driver.get(browser.origin() + "/");
    browser.waitFor(
        "the initial load",
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertClean("load");

    // hover the zone like a user: its tooltip shows the name as text
    browser.script(
        "window.conflictmap.map.fitBounds([[20,20],[22,22]], {animate: false});"
            + "window.conflictmap.map.closePopup();");
    WebElement shape =
        browser.waitFor("the zone's shape", d -> d.findElement(By.cssSelector("path.zone-shape")));
    new Actions(driver).moveToElement(shape).moveByOffset(3, 3).perform();
    WebElement tooltip =
        browser.waitFor(
            "the zone's tooltip", d -> d.findElement(By.cssSelector(".leaflet-tooltip")));
    assertThat(tooltip.getText()).isEqualTo(ZONE_NAME);
    assertClean("zone tooltip");

    // click it: popup and panel, with the editor's name in the history
    new Actions(driver).moveToElement(shape).click().perform();
    WebElement popup =
        browser.waitFor(
            "the zone's popup", d -> d.findElement(By.cssSelector(".leaflet-popup-content")));
    assertThat(popup.getText()).contains(ZONE_NAME).contains(SVG + " " + SCRIPT);
    WebElement panel =
        browser.waitFor(
            "the zone panel's history",
            d -> d.findElement(By.cssSelector("#zone-info .zone-history")));
    assertThat(panel.getText()).contains(EDITOR);
    assertThat(driver.findElement(By.id("zone-info")).getText()).contains(ZONE_NAME);
    assertClean("zone popup and panel");

    // every tooltip and popup bound to any layer on the map, opened
    browser.script(
        "const open = (l) => { if (l.getTooltip && l.getTooltip()) l.openTooltip();"
            + " if (l.eachLayer) l.eachLayer(open); };"
            + " window.conflictmap.map.eachLayer(open);");
    assertClean("every tooltip");

    // every event's popup from the event list, its sources as text and never a javascript: link
    for (long id : events) {
      browser.script("window.conflictmap.map.closePopup()");
      driver
          .findElement(By.cssSelector("#event-list .event-item[data-event-id='" + id + "']"))
          .click();
      WebElement p =
          browser.waitFor(
              "the popup of event " + id,
              d ->
                  d.findElement(
                      By.cssSelector(
                          ".leaflet-popup [data-testid=event-popup][data-event-id='" + id + "']")));
      assertClean("popup of event " + id);
      assertNoScriptLinks();
      if (p.getText().contains("Hama")) assertThat(p.getText()).contains(IMG);
    }
    String popups = String.valueOf(browser.script("return document.body.innerText"));
    assertThat(popups).contains(IMG);
    // hover every marker and cluster the way a user does
    for (WebElement m : markersInView()) {
      new Actions(driver).moveToElement(m).perform();
    }
    assertClean("marker hover");
    browser.screenshot("injection-map.png");
  }

  @Test
  void theEmbedShowsEveryPayloadAsText() throws Exception {
    driver.get(browser.origin() + "/embed?center=36,35&zoom=6&timeline=1");
    browser.waitFor(
        "the embed's load",
        d -> Boolean.TRUE.equals(browser.script("return !!window.conflictmap")));
    browser.asyncScript(
        "const done = arguments[arguments.length - 1];"
            + " window.conflictmap.ready.then(() => done(true), () => done(false));");
    assertClean("embed load");
    browser.script(
        "const open = (l) => { if (l.getTooltip && l.getTooltip()) l.openTooltip();"
            + " if (l.eachLayer) l.eachLayer(open); };"
            + " window.conflictmap.map.eachLayer(open);");
    assertClean("embed tooltips");
    List<WebElement> markers = markersInView();
    assertThat(markers).as("markers in the embed's view").isNotEmpty();
    for (WebElement m : markers) {
      browser.script("window.conflictmap.map.closePopup()");
      new Actions(driver).moveToElement(m).click().perform();
      assertClean("embed marker");
      assertNoScriptLinks();
    }
    // the zone, opened the way a shared link would show it
    driver.get(browser.origin() + "/embed?center=21,21&zoom=7");
    WebElement shape =
        browser.waitFor("the embed's zone", d -> d.findElement(By.cssSelector("path.zone-shape")));
    new Actions(driver).moveToElement(shape).moveByOffset(3, 3).perform();
    WebElement tooltip =
        browser.waitFor(
            "the embed zone's tooltip", d -> d.findElement(By.cssSelector(".leaflet-tooltip")));
    assertThat(tooltip.getText()).isEqualTo(ZONE_NAME);
    new Actions(driver).moveToElement(shape).click().perform();
    assertClean("embed zone");
  }

  @Test
  void theEventPagesAndOEmbedShowEveryPayloadAsText() throws Exception {
    for (long id : events) {
      driver.get(browser.origin() + "/events/" + id);
      browser.waitFor("the event page " + id, d -> d.findElement(By.tagName("h1")));
      assertClean("event page " + id);
      assertNoScriptLinks();
      String page = driver.getPageSource();
      assertThat(page).doesNotContain("<svg onload").doesNotContain("<img src=x");
    }
    driver.get(browser.origin() + "/events/" + events.get(0));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains(IMG);

    for (long id : events) {
      String url = browser.origin() + "/events/" + id;
      JsonNode o =
          JSON.readTree(
              send(
                  "GET",
                  "/oembed?format=json&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8),
                  Map.of(),
                  null));
      String html = o.path("html").asText();
      assertThat(html).startsWith("<iframe ").endsWith("></iframe>");
      String attrs = html.substring("<iframe ".length(), html.length() - "></iframe>".length());
      assertThat(attrs).doesNotContain("<").doesNotContain(">");
      assertThat(html).doesNotContain("onload").doesNotContain("onerror");
    }
  }

  /**
   * A CSP of {@code script-src 'self'} would block inline scripts and handlers: the pages have
   * none.
   */
  @Test
  void thePagesHaveNoInlineScriptOrHandler() {
    for (String page : List.of("/", "/embed", "/events/" + events.get(0))) {
      driver.get(browser.origin() + page);
      Object inline =
          browser.script(
              "return document.querySelectorAll('script:not([src])').length + [...document.querySelectorAll('*')]"
                  + ".filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length");
      assertThat(((Number) inline).intValue())
          .as("inline scripts and handlers on " + page)
          .isZero();
    }
  }

  /** Nothing the payloads set, no alert opened, no link or frame with a javascript: URL. */
  private static void assertClean(String when) {
    Object flag = browser.script("return typeof window.__xss");
    assertThat(flag).as("window.__xss after " + when).isEqualTo("undefined");
    assertThat(driver.findElements(By.cssSelector("img[src='x'], svg[onload]")))
        .as("planted markup after " + when)
        .isEmpty();
  }

  /** Marker and cluster icons inside the window, where a user can hover and click them. */
  @SuppressWarnings("unchecked")
  private static List<WebElement> markersInView() {
    return (List<WebElement>)
        browser.script(
            "return [...document.querySelectorAll('.leaflet-marker-icon')].filter((e) => {"
                + " const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= 0"
                + " && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; })");
  }

  private static void assertNoScriptLinks() {
    Object n =
        browser.script(
            "return [...document.querySelectorAll('[href],[src],[action]')].filter((e) =>"
                + " /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src')"
                + " || e.getAttribute('action') || '')).length");
    assertThat(((Number) n).intValue()).as("javascript: links").isZero();
  }

  private static String article(String title, String body, String url) {
    return JSON.createObjectNode()
        .put("title", title)
        .put("body", body)
        .put("url", url)
        .put("published", "2019-08-26")
        .toString();
  }

  private static long eventId(String response) throws Exception {
    JsonNode features = JSON.readTree(response).path("events").path("features");
    assertThat(features).as(response).isNotEmpty();
    return features.get(0).path("id").asLong();
  }

  private static String send(String method, String path, Map<String, String> headers, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(browser.origin() + path));
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) b.header("Content-Type", "application/json");
    if (!method.equals("GET"))
      b.header("Authorization", "Bearer " + TestTokens.editor(browser.app()));
    headers.forEach(b::header);
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
    return r.body();
  }

  private static int status(String method, String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(browser.origin() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.editor(browser.app()))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
