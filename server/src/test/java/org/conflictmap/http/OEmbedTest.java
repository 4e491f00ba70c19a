package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * oEmbed answers for map and event URLs, the spec's refusals, and the configured public base URL in
 * every absolute link (oEmbed, Open Graph, canonical, the map's config).
 */
class OEmbedTest {
  static final String BASE = "https://maps.example.org/cm";
  @TempDir static Path data;
  static App app;
  static Http http;
  static long ankara;

  @BeforeAll
  static void start() {
    app =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(data)
                .withSample(true)
                .withPublicBaseUrl(BASE + "/"));
    http = new Http(app);
    for (JsonNode f : http.get("/api/events").json().path("features")) {
      if (f.path("properties").path("place_name").asText().equals("Ankara")) {
        ankara = f.path("id").asLong();
      }
    }
    assertThat(ankara).isPositive();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Http.Response oembed(String url, String extra) {
    return http.get("/oembed?url=" + PublicUrls.encode(url) + extra);
  }

  private static String iframeSrc(JsonNode answer) {
    Document d = Jsoup.parseBodyFragment(answer.path("html").asText());
    assertThat(d.select("iframe")).hasSize(1);
    return d.selectFirst("iframe").attr("src");
  }

  @Test
  void anEventUrlGetsARichEmbedOfThatEvent() {
    Http.Response r = oembed(BASE + "/events/" + ankara, "");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode a = r.json();
    assertThat(a.path("version").asText()).isEqualTo("1.0");
    assertThat(a.path("type").asText()).isEqualTo("rich");
    assertThat(a.path("title").asText())
        .isEqualTo("Ankara: Strategic developments, planned for 16 September 2019");
    assertThat(a.path("provider_url").asText()).isEqualTo(BASE + "/");
    assertThat(a.path("width").asInt()).isEqualTo(800);
    assertThat(a.path("height").asInt()).isEqualTo(500);
    assertThat(iframeSrc(a)).startsWith(BASE + "/embed?event=" + ankara + "&center=");
    Document d = Jsoup.parseBodyFragment(a.path("html").asText());
    assertThat(d.selectFirst("iframe").attr("width")).isEqualTo("800");
    // without a size limit the 1200×630 preview fits and is offered as the thumbnail
    assertThat(a.path("thumbnail_url").asText())
        .isEqualTo(BASE + "/events/" + ankara + "/preview.png");
    assertThat(a.path("thumbnail_width").asInt()).isEqualTo(1200);
  }

  @Test
  void maxwidthAndMaxheightBoundTheEmbedAndDropATooLargeThumbnail() {
    JsonNode a = oembed(BASE + "/events/" + ankara, "&maxwidth=400&maxheight=300").json();
    assertThat(a.path("width").asInt()).isEqualTo(400);
    assertThat(a.path("height").asInt()).isEqualTo(300);
    Document d = Jsoup.parseBodyFragment(a.path("html").asText());
    assertThat(d.selectFirst("iframe").attr("width")).isEqualTo("400");
    assertThat(d.selectFirst("iframe").attr("height")).isEqualTo("300");
    assertThat(a.has("thumbnail_url")).isFalse();

    JsonNode big = oembed(BASE + "/events/" + ankara, "&maxwidth=2000&maxheight=1000").json();
    assertThat(big.path("width").asInt()).isEqualTo(800);
    assertThat(big.path("thumbnail_url").asText()).endsWith("/preview.png");
  }

  @Test
  void aMapUrlKeepsItsViewAndFilters() {
    JsonNode a =
        oembed(BASE + "/?bbox=30,33,40,42&datetime=2019-08-01/2019-08-31&type=battles&q=Idlib", "")
            .json();
    assertThat(a.path("type").asText()).isEqualTo("rich");
    assertThat(iframeSrc(a))
        .isEqualTo(
            BASE + "/embed?bbox=30,33,40,42&datetime=2019-08-01/2019-08-31&type=Battles&q=Idlib");
    assertThat(a.path("thumbnail_url").asText())
        .isEqualTo(
            BASE
                + "/preview.png?bbox=30,33,40,42&datetime=2019-08-01/2019-08-31&type=Battles&q=Idlib");
    // the embed's own URL is a map URL too, and the plain map
    assertThat(iframeSrc(oembed(BASE + "/embed?center=36,35&zoom=6", "").json()))
        .isEqualTo(BASE + "/embed?center=36,35&zoom=6");
    assertThat(iframeSrc(oembed(BASE, "").json())).isEqualTo(BASE + "/embed");
  }

  @Test
  void theRequestsOwnOriginIsAcceptedBesideTheConfiguredBase() {
    String local = "http://127.0.0.1:" + app.port();
    JsonNode a = oembed(local + "/events/" + ankara, "").json();
    // the answer still links to the public address
    assertThat(iframeSrc(a)).startsWith(BASE + "/embed?event=" + ankara);
  }

  @Test
  void foreignAndUnknownUrlsAre404() {
    for (String url :
        new String[] {
          "https://example.org/events/" + ankara,
          "https://maps.example.org/other/events/" + ankara,
          "https://maps.example.org/cmx/events/" + ankara,
          BASE + "/events/987654",
          BASE + "/api/events",
          BASE + "/events/" + ankara + "/preview.png",
        }) {
      Http.Response r = oembed(url, "");
      assertThat(r.status()).as(url).isEqualTo(404);
      assertThat(r.contentType()).as(url).isEqualTo("application/problem+json");
    }
  }

  @Test
  void formatsOtherThanJsonAre501AndBadRequestsAreProblems() {
    Http.Response xml = oembed(BASE + "/events/" + ankara, "&format=xml");
    assertThat(xml.status()).isEqualTo(501);
    assertThat(xml.json().path("detail").asText()).contains("JSON only");
    assertThat(oembed(BASE + "/events/" + ankara, "&format=json").status()).isEqualTo(200);

    assertThat(http.get("/oembed").status()).isEqualTo(400);
    assertThat(http.get("/oembed?url=not%20a%20url").status()).isEqualTo(400);
    assertThat(oembed(BASE + "/events/" + ankara, "&maxwidth=wide").status()).isEqualTo(400);
    assertThat(oembed(BASE + "/events/" + ankara, "&maxwidth=0").status()).isEqualTo(422);
    assertThat(oembed(BASE + "/events/" + ankara, "&callback=x").status()).isEqualTo(400);
    // a map URL whose view cannot be read has no embed either, and says why
    Http.Response bad = oembed(BASE + "/?zoom=99&center=1,2", "");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().path("detail").asText()).contains("zoom");
  }

  @Test
  void everyAbsoluteLinkUsesThePublicBaseUrl() {
    Document d = Jsoup.parse(http.get("/events/" + ankara).body());
    String url = BASE + "/events/" + ankara;
    assertThat(d.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(url);
    assertThat(d.selectFirst("meta[property=og:image]").attr("content"))
        .isEqualTo(url + "/preview.png");
    assertThat(d.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
    assertThat(d.selectFirst("link[type=application/json+oembed]").attr("href"))
        .startsWith(BASE + "/oembed?");
    assertThat(d.selectFirst("#share-button").attr("data-share-url")).isEqualTo(url);

    Document map = Jsoup.parse(http.get("/?zoom=5&center=33,39").body());
    assertThat(map.selectFirst("meta[property=og:url]").attr("content"))
        .isEqualTo(BASE + "/?zoom=5&center=33,39");
    assertThat(map.selectFirst("meta[property=og:image]").attr("content"))
        .isEqualTo(BASE + "/preview.png?zoom=5&center=33,39");

    // the browser builds share links and embed snippets from this
    assertThat(http.get("/api/config").json().path("publicBaseUrl").asText()).isEqualTo(BASE);
  }
}
