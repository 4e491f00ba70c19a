package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event pages as a crawler sees them (plain GET, parsed HTML, no JavaScript), the frame policy, and
 * absolute links from the request's host when no public base URL is configured.
 */
class SharePagesTest {
  @TempDir static Path data;
  static App app;
  static Http http;
  static String origin;
  static long idlibBattle;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app);
    origin = "http://127.0.0.1:" + app.port();
    for (JsonNode f : http.get("/api/events?type=Battles").json().path("features")) {
      if (f.path("properties").path("place_name").asText().equals("Idlib")) {
        idlibBattle = f.path("id").asLong();
      }
    }
    assertThat(idlibBattle).as("the sample's battle at Idlib").isPositive();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Document page(String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/html");
    return Jsoup.parse(r.body(), origin + path);
  }

  private static String meta(Document d, String key) {
    Element e = d.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
    assertThat(e).as("meta " + key).isNotNull();
    return e.attr("content");
  }

  @Test
  void eventPageCarriesOpenGraphAndTwitterTagsWithoutJavaScript() {
    JsonNode event = http.get("/api/events/" + idlibBattle).json().path("properties");
    String url = origin + "/events/" + idlibBattle;
    Document d = page("/events/" + idlibBattle);

    assertThat(meta(d, "og:title")).isEqualTo("Idlib: Battles, 1–27 August 2019");
    assertThat(d.title()).startsWith("Idlib: Battles, 1–27 August 2019");
    assertThat(meta(d, "og:description")).isEqualTo(event.path("sentence").asText());
    assertThat(meta(d, "og:url")).isEqualTo(url);
    assertThat(meta(d, "og:image")).isEqualTo(url + "/preview.png");
    assertThat(meta(d, "og:image:width")).isEqualTo("1200");
    assertThat(meta(d, "og:image:height")).isEqualTo("630");
    assertThat(meta(d, "twitter:card")).isEqualTo("summary_large_image");
    assertThat(meta(d, "twitter:image")).isEqualTo(url + "/preview.png");
    assertThat(d.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);

    // what a reader needs is in the HTML itself: place, date, type, the sentence, the article
    String text = d.body().text();
    assertThat(d.selectFirst("h1").text()).isEqualTo("Idlib");
    // the offensive "earlier this month": the page gives the start of its range
    assertThat(d.selectFirst("time").attr("datetime")).isEqualTo("2019-08-01");
    assertThat(text)
        .contains("1–27 August 2019", "Battles", event.path("sentence").asText())
        .contains(event.path("article_title").asText());
    assertThat(d.selectFirst("a[href=/?event=" + idlibBattle + "]")).as("map link").isNotNull();
    assertThat(d.selectFirst("#share-button").attr("data-share-url")).isEqualTo(url);
    assertThat(d.selectFirst(".event-map iframe").attr("src"))
        .startsWith("/embed?event=" + idlibBattle + "&center=36.63393,35.93062&zoom=");

    // the image and the oEmbed discovery link answer
    Http.Response png = http.get("/events/" + idlibBattle + "/preview.png");
    assertThat(png.status()).isEqualTo(200);
    assertThat(png.contentType()).isEqualTo("image/png");
    Element oembed = d.selectFirst("link[rel=alternate][type=application/json+oembed]");
    assertThat(oembed).isNotNull();
    String oembedHref = oembed.attr("href");
    assertThat(oembedHref).startsWith(origin + "/oembed?");
    JsonNode answer = http.get(oembedHref.substring(origin.length())).json();
    assertThat(answer.path("type").asText()).isEqualTo("rich");
    assertThat(answer.path("title").asText()).isEqualTo("Idlib: Battles, 1–27 August 2019");
  }

  @Test
  void theMapPageAdvertisesOEmbedForItsOwnView() {
    Document d = page("/?center=36.6,35.9&zoom=7&type=Battles");
    String href = d.selectFirst("link[rel=alternate][type=application/json+oembed]").attr("href");
    JsonNode answer = http.get(href.substring(origin.length())).json();
    assertThat(answer.path("html").asText())
        .contains(origin + "/embed?center=36.6,35.9&amp;zoom=7&amp;type=Battles");
    assertThat(meta(d, "og:url")).isEqualTo(origin + "/?center=36.6,35.9&zoom=7&type=Battles");
    // the map still works as the plain app: its script and panel are there
    assertThat(d.selectFirst("script[src=js/main.js]")).isNotNull();
    assertThat(d.selectFirst("#share-button")).isNotNull();
    assertThat(d.selectFirst("#embed-button")).isNotNull();
  }

  @Test
  void theMapsCardIsTitledByItsFiltersAndCountsTheirEvents() {
    int battles2019 =
        http.get("/api/events?type=Battles&datetime=2019-08-01/2019-08-31")
            .json()
            .path("features")
            .size();
    assertThat(battles2019).as("the sample's August 2019 battles").isPositive();
    Document d = page("/?datetime=2019-08-01/2019-08-31&type=Battles");
    assertThat(meta(d, "og:title"))
        .isEqualTo("Battles, 1 August 2019 – 31 August 2019 · conflictmap");
    assertThat(meta(d, "og:description"))
        .startsWith(battles2019 + (battles2019 == 1 ? " event" : " events"))
        .contains("1 August 2019 – 31 August 2019");
    assertThat(meta(d, "twitter:title")).isEqualTo(meta(d, "og:title"));

    // a filter that matches nothing says so on its card too
    assertThat(meta(page("/?q=zzzznothing"), "og:description")).startsWith("No events");
    // the bare map keeps its name, and a link that opens an event takes the event's card
    assertThat(meta(page("/"), "og:title")).isEqualTo("conflictmap");
    assertThat(meta(page("/?event=" + idlibBattle), "og:title"))
        .isEqualTo("Idlib: Battles, 1–27 August 2019");
    // a link the map cannot read still gets a page, with the plain card
    assertThat(meta(page("/?zoom=banana"), "og:title")).isEqualTo("conflictmap");
  }

  @Test
  void eventPagesOfferSocialShareLinksWithoutJavaScript() {
    Document d = page("/events/" + idlibBattle);
    String url = origin + "/events/" + idlibBattle;
    String encoded = PublicUrls.encode(url);
    Map<String, String> hrefs = new java.util.HashMap<>();
    for (Element a : d.select(".social-links a[data-share]")) {
      hrefs.put(a.attr("data-share"), a.attr("href"));
      assertThat(a.attr("rel")).contains("noopener");
    }
    assertThat(hrefs).containsOnlyKeys("email", "x", "facebook", "whatsapp", "telegram");
    assertThat(hrefs.get("email")).startsWith("mailto:?subject=").contains(encoded);
    assertThat(hrefs.get("x")).startsWith("https://x.com/intent/tweet?").contains("url=" + encoded);
    assertThat(hrefs.get("facebook"))
        .isEqualTo("https://www.facebook.com/sharer/sharer.php?u=" + encoded);
    assertThat(hrefs.get("whatsapp")).startsWith("https://wa.me/?text=").endsWith(encoded);
    assertThat(hrefs.get("telegram")).startsWith("https://t.me/share/url?url=" + encoded + "&");
    assertThat(d.selectFirst("#share-button").attr("data-share-url")).isEqualTo(url);
  }

  @Test
  void unknownEventIsAFriendly404Page() {
    for (String path : new String[] {"/events/987654", "/events/not-a-number", "/events/-1"}) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.contentType()).as(path).startsWith("text/html");
      Document d = Jsoup.parse(r.body());
      assertThat(d.selectFirst("h1").text()).isEqualTo("No such event");
      assertThat(d.selectFirst("a[href=/]")).isNotNull();
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
    assertThat(http.get("/events/987654/preview.png").status()).isEqualTo(404);
    assertThat(http.get("/events/987654/preview.png").contentType())
        .isEqualTo("application/problem+json");
  }

  @Test
  void anEventWhoseArticleHasNoTitleStillHasAPage() {
    // no title line: the article is all body
    Http.Response posted =
        http.post(
            "/api/articles",
            "application/json",
            "{\"body\": \"Protesters marched in Aleppo on Friday against the bombing.\","
                + " \"published\": \"2019-09-06\"}");
    assertThat(posted.status()).isEqualTo(201);
    long id = posted.json().path("events").path("features").get(0).path("id").asLong();
    assertThat(
            http.get("/api/events/" + id).json().path("properties").path("article_title").isNull())
        .isTrue();

    Document d = page("/events/" + id);
    assertThat(meta(d, "og:title")).isEqualTo("Aleppo: Protests, 6 September 2019");
    assertThat(d.body().text()).contains("From an untitled article");
    assertThat(d.html()).doesNotContain("null");
    assertThat(d.selectFirst("cite")).isNull();
    assertThat(http.get("/events/" + id + "/preview.png").status()).isEqualTo(200);
  }

  @Test
  void textFromArticlesIsEscapedInPagesAndTags() {
    String title = "<script>alert(1)</script> \"Quoted\" & more";
    Http.Response posted =
        http.post(
            "/api/articles",
            "application/json",
            "{\"title\": "
                + Http.JSON.valueToTree(title)
                + ", \"body\": \"Clashes were reported in Homs on Monday.\","
                + " \"published\": \"2019-09-02\"}");
    assertThat(posted.status()).isEqualTo(201);
    long id = posted.json().path("events").path("features").get(0).path("id").asLong();
    Http.Response r = http.get("/events/" + id);
    assertThat(r.body()).doesNotContain("<script>alert");
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("cite").text()).isEqualTo(title);
    assertThat(d.select("script")).allMatch(s -> s.hasAttr("src"));
    assertThat(meta(d, "og:title")).isEqualTo("Homs: Battles, 2 September 2019");
  }

  @Test
  void onlyTheEmbedAndEventPagesMayBeFramed() {
    for (String path :
        new String[] {"/embed", "/embed?center=36,35&zoom=6", "/events/" + idlibBattle}) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.header("Content-Security-Policy"))
          .as(path)
          .endsWith("; frame-ancestors *")
          .contains("script-src 'self'");
      assertThat(r.header("X-Frame-Options")).as(path).isNull();
    }
    for (String path :
        new String[] {
          "/",
          "/index.html",
          "/?event=1",
          "/js/main.js",
          "/api/events",
          "/api/zones",
          "/oembed",
          "/events/" + idlibBattle + "/preview.png",
          "/preview.png",
          "/no-such-page"
        }) {
      Http.Response r = http.get(path);
      assertThat(r.header("Content-Security-Policy"))
          .as(path)
          .endsWith("; frame-ancestors 'none'")
          .contains("script-src 'self'");
      assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
  }

  @Test
  void theEmbedIsTheMapWithoutChrome() {
    Document d = page("/embed?center=36,35&zoom=6&controls=0");
    assertThat(d.selectFirst("body").hasClass("embed")).isTrue();
    assertThat(d.selectFirst("#map")).isNotNull();
    assertThat(d.selectFirst("script[src=/js/embed.js]")).isNotNull();
    assertThat(d.selectFirst("#side-panel")).as("no panel").isNull();
    assertThat(d.selectFirst("#article-form")).as("no ingest form").isNull();
  }
}
