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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The map without tiles reads like a map (names by zoom, land and water in a light and a dark theme
 * that follows the system and remembers a choice), a place search flies there by keyboard, news
 * arrives while the page is open, Share and Embed are two dialogs (Embed with a live preview), and
 * the choropleth and zone chart carry their scales. On a desktop window and on a 390×844 phone;
 * screenshots in target/screenshots.
 */
class BaseMapLiveBrowserTest {
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

  private static void device(String device) {
    if (device.equals("phone")) browser.viewport(390, 844);
    else browser.viewport(1280, 800);
  }

  @ParameterizedTest
  @ValueSource(strings = {"desktop", "phone"})
  void theMapReadsWithoutTilesInBothThemes(String device) throws IOException {
    device(device);
    systemScheme("dark");
    load("/");
    browser.script("localStorage.removeItem('conflictmap.theme')");
    load("/?center=37,35.5&zoom=6");
    List<String> names = labels("Aleppo");
    assertThat(names).contains("Aleppo");
    // names are text: no element inside a label but its one span of text
    assertThat(
            browser.script(
                "return [...document.querySelectorAll('.map-label')].every((l) =>"
                    + " l.children.length === 1 && l.firstElementChild.children.length === 0)"))
        .isEqualTo(true);
    // and not event markers: nothing that looks for the markers finds a name
    assertThat(
            browser.script(
                "return document.querySelectorAll('.map-label.leaflet-marker-icon').length"))
        .isEqualTo(0L);
    // every name shown can be read: no two visible labels overlap
    assertThat(
            browser.script(
                "const r = [...document.querySelectorAll('.map-label:not(.map-label--hidden) span')]"
                    + "  .map((s) => s.getBoundingClientRect());"
                    + "return r.filter((a, i) => r.some((b, j) => j > i && a.left < b.right"
                    + "  && a.right > b.left && a.top < b.bottom && a.bottom > b.top)).length;"))
        .isEqualTo(0L);
    assertThat(theme()).isEqualTo("dark");
    assertThat(background("#map")).isEqualTo("rgb(13, 23, 34)");
    assertReadable("dark");
    browser.screenshot("basemap-dark-" + device + ".png");

    // the system turns light: so does the map, with no choice stored
    systemScheme("light");
    load("/?center=37,35.5&zoom=6");
    assertThat(theme()).isEqualTo("light");
    assertThat(background("#map")).isEqualTo("rgb(185, 211, 230)");
    assertThat(
            browser.script(
                "return getComputedStyle(document.querySelector('path.country-shape')).fill"))
        .isEqualTo("rgb(244, 241, 232)");
    labels("Aleppo");
    assertReadable("light");
    browser.screenshot("basemap-light-" + device + ".png");

    // a choice is remembered over the system's
    browser.script("document.getElementById('theme-toggle').click()");
    assertThat(theme()).isEqualTo("dark");
    load("/?center=37,35.5&zoom=6");
    assertThat(theme()).isEqualTo("dark");
    browser.script("localStorage.removeItem('conflictmap.theme')");
    systemScheme("dark");
    browser.assertNoConsoleErrors();
  }

  @ParameterizedTest
  @ValueSource(strings = {"desktop", "phone"})
  void goToPlaceByKeyboard(String device) throws IOException {
    device(device);
    load("/");
    WebElement box = driver.findElement(By.id("place-search"));
    box.click();
    box.sendKeys("Aleppo");
    browser.waitFor(
        "the places found",
        d ->
            d.findElements(By.cssSelector("#place-search-results [role=option]")).isEmpty()
                ? null
                : true);
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(driver.findElement(By.cssSelector("#place-search-results [role=option]")).getText())
        .startsWith("Aleppo");
    browser.screenshot("place-search-" + device + ".png");
    box.sendKeys(Keys.ENTER);
    browser.waitFor(
        "the map to fly to Aleppo",
        d -> {
          @SuppressWarnings("unchecked")
          List<Number> c =
              (List<Number>)
                  browser.script(
                      "const c = window.conflictmap.map.getCenter();"
                          + " return [c.lat, c.lng, window.conflictmap.map.getZoom()];");
          return Math.abs(c.get(0).doubleValue() - 36.2) < 0.3
                  && Math.abs(c.get(1).doubleValue() - 37.16) < 0.3
                  && c.get(2).doubleValue() >= 9
              ? true
              : null;
        });
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
    browser.assertNoConsoleErrors();
  }

  @ParameterizedTest
  @ValueSource(strings = {"desktop", "phone"})
  void newsArrivesWhileThePageIsOpen(String device) throws Exception {
    device(device);
    load("/");
    browser.waitFor(
        "the latest list",
        d -> d.findElements(By.cssSelector("#latest-list .latest-item")).isEmpty() ? null : true);
    assertThat(driver.findElement(By.id("live-badge")).isDisplayed()).isFalse();

    JsonNode created =
        ingest(
            "{\"title\": \"Live "
                + device
                + "\", \"body\": \"Shelling was reported in Homs on "
                + (device.equals("phone") ? "Tuesday" : "Monday")
                + " ("
                + device
                + " edition).\", \"published\": \"2021-03-0"
                + (device.equals("phone") ? "2" : "1")
                + "\"}");
    List<Long> ids = new ArrayList<>();
    created.path("events").path("features").forEach(f -> ids.add(f.path("id").asLong()));
    assertThat(ids).isNotEmpty();

    WebElement badge =
        browser.waitFor(
            "the new-events counter",
            d -> {
              WebElement b = d.findElement(By.id("live-badge"));
              return b.isDisplayed() ? b : null;
            });
    assertThat(badge.getText())
        .isEqualTo(ids.size() == 1 ? "1 new event" : ids.size() + " new events");
    String latest = textOf(driver.findElement(By.id("latest-list")));
    assertThat(latest).contains("just now");
    assertThat(
            driver
                .findElement(By.cssSelector("#latest-list .latest-item"))
                .getAttribute("data-event-id"))
        .isEqualTo(String.valueOf(ids.stream().mapToLong(Long::longValue).max().getAsLong()));
    browser.screenshot("live-new-events-" + device + ".png");
    browser.script("document.getElementById('live-badge').click()");
    browser.waitFor(
        "the new events on the map",
        d ->
            Boolean.TRUE.equals(
                    browser.script(
                        "const ids = arguments[0];"
                            + "const shown = new Set(window.conflictmap.layers.events.getLayers()"
                            + "  .map((m) => m.feature.id));"
                            + "return ids.every((id) => shown.has(id));",
                        ids))
                ? true
                : null);
    assertThat(driver.findElement(By.id("live-badge")).isDisplayed()).isFalse();
    browser.assertNoConsoleErrors();
  }

  @ParameterizedTest
  @ValueSource(strings = {"desktop", "phone"})
  void theEmbedIsLiveForItsFilters(String device) throws Exception {
    device(device);
    // each device reports its own towns and days: one store serves both runs, and a report of the
    // same type, day and town as an earlier one is merged into it, which is no news to the embed
    boolean phone = device.equals("phone");
    String[] town = phone ? new String[] {"Rastan", "Masyaf"} : new String[] {"Homs", "Hama"};
    String[] day =
        phone ? new String[] {"Friday", "Saturday"} : new String[] {"Wednesday", "Thursday"};
    String[] published =
        phone
            ? new String[] {"2021-05-07", "2021-05-15"}
            : new String[] {"2021-04-07", "2021-04-15"};
    // a type the new article is not: its events are not news to this embed
    load("/embed?type=protests");
    browser.waitFor(
        "the embed's latest list",
        d -> d.findElements(By.id("latest-list")).isEmpty() ? null : true);
    JsonNode created = ingest(embedArticle(device, town[0], day[0], published[0]));
    assertThat(created.path("events").path("features").size()).isPositive();
    browser.asyncScript(
        "const done = arguments[0]; window.conflictmap.live.poll().then(done, done);");
    assertThat(driver.findElement(By.id("live-badge")).isDisplayed()).isFalse();
    // unfiltered, the same embed counts it
    load("/embed");
    browser.waitFor(
        "the embed's latest list",
        d -> d.findElements(By.id("latest-list")).isEmpty() ? null : true);
    JsonNode second = ingest(embedArticle(device, town[1], day[1], published[1]));
    // a new event, not one more source of an earlier one
    assertThat(second.path("events").path("features").get(0).path("id").asLong())
        .isGreaterThan(created.path("events").path("features").get(0).path("id").asLong());
    browser.asyncScript(
        "const done = arguments[0]; window.conflictmap.live.poll().then(done, done);");
    browser.waitFor(
        "the embed's new-events counter",
        d -> d.findElement(By.id("live-badge")).isDisplayed() ? true : null);
    assertFits("the live embed");
    assertThat(bottomEdgeOverlaps(false)).as("the brand beside legend and attribution").isEmpty();
    browser.screenshot("embed-live-" + device + ".png");
    // live=0 turns it off
    load("/embed?live=0");
    browser.waitFor(
        "the embed",
        d ->
            "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                ? true
                : null);
    assertThat(driver.findElements(By.id("live-badge"))).isEmpty();
    browser.assertNoConsoleErrors();
  }

  @ParameterizedTest
  @ValueSource(strings = {"desktop", "phone"})
  void theEmbedsTimelineLeavesTheLegendAndAttributionInSight(String device) throws IOException {
    device(device);
    load("/embed?timeline=1");
    assertThat(bottomEdgeOverlaps(true))
        .as("legend, attribution clear of timeline and brand")
        .isEmpty();
    // the legend starts folded where the embed is small (the phone), open where there is room
    assertThat(browser.script("return document.querySelector('.legend details').open"))
        .isEqualTo(!device.equals("phone"));
    assertFits("the embed with its timeline");
    for (String scheme : List.of("light", "dark")) {
      systemScheme(scheme);
      load("/embed?timeline=1");
      assertThat(theme()).isEqualTo(scheme);
      assertReadable(scheme + " embed");
      browser.screenshot("embed-timeline-" + scheme + "-" + device + ".png");
    }

    // a small embed on a wide page (the Embed dialog's 400×300 preview): legend folded, clear
    load("/");
    browser.script("document.getElementById('embed-button').click()");
    browser.waitFor(
        "the embed dialog", d -> d.findElement(By.id("embed-dialog")).isDisplayed() ? true : null);
    browser.script(
        "document.querySelector('.embed-size-preset[data-size=small]').click();"
            + "document.getElementById('embed-opt-timeline').click();");
    WebElement frame = driver.findElement(By.id("embed-preview-frame"));
    browser.waitFor(
        "the small preview with its timeline",
        d -> frame.getAttribute("src").contains("timeline=1") ? true : null);
    assertThat(frame.getAttribute("data-width")).isEqualTo("400");
    driver.switchTo().frame(frame);
    try {
      browser.waitFor(
          "the embedded map",
          d ->
              "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                  ? true
                  : null);
      assertThat(browser.script("return window.innerWidth")).isEqualTo(400L);
      assertThat(browser.script("return document.querySelector('.legend details').open"))
          .isEqualTo(false);
      assertThat(bottomEdgeOverlaps(true))
          .as("legend, attribution clear of timeline and brand in a 400×300 embed")
          .isEmpty();
    } finally {
      driver.switchTo().defaultContent();
    }
    browser.script("arguments[0].scrollIntoView({block: 'end'})", frame);
    browser.screenshot("embed-small-timeline-" + device + ".png");
    // live is an option of the dialog too
    browser.script("document.getElementById('embed-opt-live').click()");
    browser.waitFor(
        "the preview without live",
        d -> frame.getAttribute("src").contains("live=0") ? true : null);
    assertThat(driver.findElement(By.id("embed-snippet")).getAttribute("value")).contains("live=0");
    browser.assertNoConsoleErrors();
  }

  @ParameterizedTest
  @ValueSource(strings = {"desktop", "phone"})
  void shareAndEmbedAreTwoDialogs(String device) throws IOException {
    device(device);
    load("/");
    browser.script("document.getElementById('share-button').click()");
    browser.waitFor(
        "the share dialog", d -> d.findElement(By.id("share-dialog")).isDisplayed() ? true : null);
    assertThat(driver.findElements(By.cssSelector("#share-dialog textarea, #share-dialog iframe")))
        .isEmpty();
    assertThat(driver.findElements(By.cssSelector("#share-dialog .social-links a"))).hasSize(5);
    assertFits("the Share dialog");

    browser.script("document.getElementById('embed-button').click()");
    browser.waitFor(
        "the embed dialog", d -> d.findElement(By.id("embed-dialog")).isDisplayed() ? true : null);
    assertThat(driver.findElement(By.id("share-dialog")).isDisplayed()).isFalse();
    browser.script("document.querySelector('.embed-size-preset[data-size=small]').click()");
    assertThat(driver.findElement(By.id("embed-snippet")).getAttribute("value"))
        .contains("width=\"400\"")
        .contains("height=\"300\"");
    WebElement frame = driver.findElement(By.id("embed-preview-frame"));
    browser.waitFor(
        "the preview to load", d -> frame.getAttribute("src").contains("/embed") ? true : null);
    assertThat(frame.getAttribute("data-width")).isEqualTo("400");
    driver.switchTo().frame(frame);
    try {
      browser.waitFor(
          "the embedded map",
          d ->
              "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                  ? true
                  : null);
      assertThat(driver.findElements(By.cssSelector(".leaflet-container"))).hasSize(1);
    } finally {
      driver.switchTo().defaultContent();
    }
    // a changed option reloads the preview with it
    browser.script("document.getElementById('embed-opt-legend').click()");
    browser.waitFor(
        "the preview without legend",
        d -> frame.getAttribute("src").contains("legend=0") ? true : null);
    assertFits("the Embed dialog");
    browser.screenshot("embed-dialog-" + device + ".png");
    browser.assertNoConsoleErrors();
  }

  @ParameterizedTest
  @ValueSource(strings = {"desktop", "phone"})
  void theChoroplethAndTheZoneChartHaveTheirScales(String device) throws IOException {
    device(device);
    load("/");
    browser.script(
        "const t = document.getElementById('choropleth-toggle'); t.checked = true;"
            + " t.dispatchEvent(new Event('change'));");
    WebElement legend =
        browser.waitFor(
            "the choropleth legend",
            d -> {
              WebElement l = d.findElement(By.id("choropleth-legend"));
              return l.isDisplayed() && !l.findElements(By.cssSelector("li")).isEmpty() ? l : null;
            });
    assertThat(textOf(legend)).contains("events per 1000 km²").contains("none");
    // five shades and "none" for each scale shown
    assertThat(
            legend
                .findElements(By.cssSelector(".choropleth-scale"))
                .get(0)
                .findElements(By.cssSelector("li")))
        .hasSize(6);
    // bounds read as people write them: no float noise, no trailing zeros, at every scale
    for (WebElement li : legend.findElements(By.cssSelector("li"))) {
      assertThat(li.getText())
          .doesNotContainPattern("\\d\\.\\d{4,}")
          .doesNotContainPattern("\\.\\d*0(?!\\d)");
    }
    assertThat(
            browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/js/choropleth.js').then((m) => done("
                    + "[1.2000000001, 0.0123456, 0.5, 9.96, 47.3, 1234567.8, 0].map(m.formatScaleValue)));"))
        .isEqualTo(List.of("1.2", "0.012", "0.5", "10", "47", "1,234,568", "0"));
    browser.screenshot("choropleth-legend-" + device + ".png");
    browser.script(
        "const t = document.getElementById('choropleth-toggle'); t.checked = false;"
            + " t.dispatchEvent(new Event('change'));");
    browser.waitFor(
        "the legend to go",
        d -> d.findElement(By.id("choropleth-legend")).isDisplayed() ? null : true);

    browser.script(
        "const zones = window.conflictmap.layers.zones;"
            + "zones.fire('click', { layer: zones.getLayers()[0] });");
    browser.waitFor(
        "the zone chart",
        d ->
            d.findElements(By.cssSelector("#zone-info svg.zone-chart .axis-x")).isEmpty()
                ? null
                : true);
    @SuppressWarnings("unchecked")
    List<String> ticks =
        (List<String>)
            browser.script(
                "return [...document.querySelectorAll('#zone-info svg.zone-chart text')]"
                    + ".map((t) => t.textContent);");
    assertThat(ticks).contains("0").anyMatch(t -> t.matches("\\d{4}-\\d{2}"));
    assertThat(ticks).anyMatch(t -> t.contains("events")).anyMatch(t -> t.contains("fatalities"));
    // a part the zone lacks is left out, not written as "null"
    assertThat(textOf(driver.findElement(By.id("zone-info")))).doesNotContain("null");
    if (device.equals("phone")) browser.script("document.getElementById('panel-toggle').click()");
    browser.script("document.getElementById('zone-info').scrollIntoView()");
    browser.screenshot("zone-chart-" + device + ".png");
    browser.assertNoConsoleErrors();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static JsonNode ingest(String json) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(browser.origin() + "/api/articles"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TestTokens.editor(browser.app()))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new ObjectMapper().readTree(r.body());
  }

  /**
   * What covers what at the embed's bottom edge: the timeline over the legend or the attribution,
   * the brand over the attribution or the legend; empty when everything is in sight.
   */
  @SuppressWarnings("unchecked")
  private static List<String> bottomEdgeOverlaps(boolean timeline) {
    return (List<String>)
        browser.script(
            "const box = (s) => document.querySelector(s).getBoundingClientRect();"
                + "const hit = (a, b) => a.bottom > b.top && a.top < b.bottom"
                + "  && a.right > b.left && a.left < b.right;"
                + "const out = [];"
                + "const pairs = [['.embed-brand', '.leaflet-control-attribution'],"
                + "  ['.embed-brand', '.legend']];"
                + "if (arguments[0]) {"
                + "  if (box('#timeline').height === 0) out.push('no timeline shown');"
                + "  pairs.push(['#timeline', '.legend'], ['#timeline', '.leaflet-control-attribution']); }"
                + "for (const [a, b] of pairs) {"
                + "  if (box(b).height === 0) out.push(b + ' not shown');"
                + "  else if (hit(box(a), box(b))) out.push(a + ' covers ' + b); }"
                + "return out;",
            timeline);
  }

  /**
   * Every name on the base map and every text in the side panel and the map's boxes (controls,
   * legend, attribution, live badge, brand, timeline) reads at WCAG AA (4.5:1): a name against both
   * land and sea (its halo not counted), other text against the boxes behind it.
   */
  @SuppressWarnings("unchecked")
  private static void assertReadable(String theme) {
    List<String> poor =
        (List<String>)
            browser.script(
                "const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);"
                    + "const lin = (c) => { c /= 255;"
                    + "  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };"
                    + "const lum = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);"
                    + "const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);"
                    + "  return (x + 0.05) / (y + 0.05); };"
                    + "const over = (fg, alpha, bg) => fg.slice(0, 3).map((c, i) => c * alpha + bg[i] * (1 - alpha));"
                    + "const alphaOf = (c) => (c.length > 3 ? c[3] : 1);"
                    + "const land = rgb(getComputedStyle(document.querySelector('path.country-shape')).fill);"
                    + "const sea = rgb(getComputedStyle(document.getElementById('map')).backgroundColor);"
                    + "const out = [];"
                    + "for (const l of document.querySelectorAll('.map-label:not(.map-label--hidden)')) {"
                    + "  const cs = getComputedStyle(l), c = rgb(cs.color);"
                    + "  const a = alphaOf(c) * Number(cs.opacity);"
                    + "  for (const [name, bg] of [['land', land], ['sea', sea]]) {"
                    + "    const r = ratio(over(c, a, bg), bg);"
                    + "    if (r < 4.5) out.push(l.className + ' \"' + l.textContent + '\" on ' + name"
                    + "      + ' ' + r.toFixed(2));"
                    + "  } }"
                    + "const behind = (el) => { const stack = [];"
                    + "  for (let e = el; e; e = e.parentElement) {"
                    + "    const b = rgb(getComputedStyle(e).backgroundColor);"
                    + "    if (b.length && alphaOf(b) > 0) { stack.push(b); if (alphaOf(b) >= 1) break; } }"
                    + "  return stack.reverse().reduce((acc, b) => over(b, alphaOf(b), acc), [255, 255, 255]); };"
                    + "const texts = '#side-panel *, .leaflet-control-container *, #live-badge,'"
                    + "  + ' #latest-section *, .embed-brand, .embed-brand *, #timeline *';"
                    + "for (const el of document.querySelectorAll(texts)) {"
                    + "  if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;"
                    + "  const cs = getComputedStyle(el);"
                    + "  if (cs.visibility === 'hidden' || !el.getClientRects().length) continue;"
                    + "  if (el.matches(':disabled')) continue;"
                    + "  const bg = behind(el), c = rgb(cs.color);"
                    + "  const r = ratio(over(c, alphaOf(c) * Number(cs.opacity), bg), bg);"
                    + "  if (r < 4.5) out.push(el.tagName + '.' + el.className + ' \"'"
                    + "    + el.textContent.trim().slice(0, 30) + '\" ' + r.toFixed(2));"
                    + "}"
                    + "return out;");
    assertThat(poor).as("text below 4.5:1 in the " + theme + " theme").isEmpty();
  }

  private static String embedArticle(String device, String town, String day, String published) {
    return "{\"title\": \"Embed live "
        + device
        + " "
        + town
        + "\", \"body\": \"Shelling was reported in "
        + town
        + " on "
        + day
        + " ("
        + device
        + " embed).\", \"published\": \""
        + published
        + "\"}";
  }

  /** The base map's label texts once one of them is {@code expected}. */
  @SuppressWarnings("unchecked")
  private static List<String> labels(String expected) {
    return browser.waitFor(
        "the label " + expected,
        d -> {
          List<String> names =
              (List<String>)
                  browser.script(
                      "return [...document.querySelectorAll('.map-label:not(.map-label--hidden)')]"
                          + ".map((l) => l.textContent);");
          return names.contains(expected) ? names : null;
        });
  }

  private static String theme() {
    return (String) browser.script("return document.documentElement.dataset.theme");
  }

  private static String background(String selector) {
    return (String)
        browser.script(
            "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor",
            selector);
  }

  private static void systemScheme(String scheme) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** No visible element reaches past the viewport's sides (the map's panes, which pan, aside). */
  private static void assertFits(String what) {
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
                    + "return out;");
    assertThat(over).as("elements wider than the viewport with " + what).isEmpty();
  }

  private static String textOf(WebElement e) {
    return (String) browser.script("return arguments[0].textContent", e);
  }

  private static void load(String path) {
    driver.get(browser.origin() + path);
    browser.waitFor(
        "the initial load",
        d ->
            "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                ? true
                : null);
  }
}
