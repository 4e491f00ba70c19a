package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers a browser relies on, what other sites may do, and errors Jetty answers before Javalin
 * sees the request: every one problem+json, never Jetty's HTML page.
 */
class HardeningTest {
  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void pagesAllowOnlyOurOwnScripts() {
    for (String path : new String[] {"/", "/embed", "/api/events"}) {
      Http.Response r = http.get(path);
      assertThat(r.header("Content-Security-Policy"))
          .as(path)
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(r.header("Referrer-Policy")).as(path).isNotBlank();
      assertThat(r.header("Permissions-Policy")).as(path).contains("camera=()");
    }
    assertThat(http.get("/").header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(http.get("/embed").header("Content-Security-Policy")).contains("frame-ancestors *");
  }

  @Test
  void theReadApiIsSharedWithEveryOriginButWritesAreNot() {
    Http.Response read =
        http.request("GET", "/api/events", Map.of("Origin", "https://a.example"), null, null);
    assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(read.header("Access-Control-Allow-Credentials")).isNull();

    Http.Response preflight =
        http.request(
            "OPTIONS",
            "/api/articles",
            Map.of(
                "Origin", "https://a.example",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"),
            null,
            null);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
  }

  @Test
  void aCrossSiteTextPlainWriteIsRefusedAndStoresNothing() {
    String before = http.get("/api/articles").body();
    for (Map<String, String> h :
        new Map[] {
          Map.of("Origin", "https://evil.example"), Map.of("Sec-Fetch-Site", "cross-site")
        }) {
      Http.Response r =
          http.request("POST", "/api/articles", h, "text/plain", "Shelling hit Aleppo on Monday.");
      problem(r, 403);
    }
    assertThat(http.get("/api/articles").body()).isEqualTo(before);
  }

  @Test
  void aMethodOverrideHeaderIsIgnored() {
    Http.Response r =
        http.request(
            "GET", "/api/events/1", Map.of("X-HTTP-Method-Override", "DELETE"), null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(http.get("/api/events/1").status()).as("the event is still there").isEqualTo(200);
  }

  @Test
  void idsAreAsciiDigitsOnly() {
    // Arabic-Indic ١٢ and full-width １ are digits to Long.parseLong, not to a URL
    problem(http.get("/api/events/%D9%A1"), 400);
    problem(http.get("/api/events/%EF%BC%91"), 400);
    problem(http.get("/api/zones/%D9%A1"), 400);
    assertThat(http.get("/events/%D9%A1").status()).isEqualTo(404);
    assertThat(http.get("/api/events/1").status()).isEqualTo(200);
  }

  @Test
  void jettysOwnErrorsAreProblemJson() throws IOException {
    rawProblem("GET /api/events/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
    rawProblem("BR@KEN / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
    rawProblem(
        "GET /api/events?q="
            + "a".repeat(20_000)
            + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        414);
    rawProblem(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "
            + "b".repeat(20_000)
            + "\r\nConnection: close\r\n\r\n",
        431);
    rawProblem(
        "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            + "Authorization: Bearer "
            + org.conflictmap.TestTokens.editor(app)
            + "\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\nhello\r\n0\r\n\r\n",
        400);
  }

  @Test
  void aForgedHostHeaderNeverReachesOembedOrPageLinks() throws IOException {
    String page =
        raw("GET /api/events HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertThat(page).as(page).startsWith("HTTP/1.1 200");
    String oembed =
        raw(
            "GET /oembed?format=json&url=http%3A%2F%2Fevil.example%2Fevents%2F1 HTTP/1.1\r\n"
                + "Host: evil.example\r\nConnection: close\r\n\r\n");
    // not our page: 404, and the answer does not echo the forged address back
    assertThat(oembed).startsWith("HTTP/1.1 404").doesNotContain("evil.example");
    String own =
        raw(
            "GET /oembed?format=json&url=http%3A%2F%2F127.0.0.1%3A"
                + app.port()
                + "%2Fembed HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertThat(own)
        .startsWith("HTTP/1.1 200")
        .contains("http://127.0.0.1:" + app.port() + "/embed")
        .doesNotContain("evil.example");
    long id = http.get("/api/events").json().path("features").get(0).path("id").asLong();
    String event =
        raw("GET /events/" + id + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertThat(event).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
  }

  private static void rawProblem(String request, int status) throws IOException {
    String response = raw(request);
    String head = response.split("\r\n\r\n", 2)[0];
    String body = response.contains("\r\n\r\n") ? response.split("\r\n\r\n", 2)[1] : "";
    assertThat(head).as(abbrev(request)).startsWith("HTTP/1.1 " + status);
    assertThat(head.toLowerCase())
        .as(abbrev(request))
        .contains("content-type: application/problem+json");
    JsonNode p = Http.JSON.readTree(body.substring(body.indexOf('{')));
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(body).doesNotContain("<html").doesNotContain("jetty").doesNotContain("Exception");
  }

  private static String abbrev(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          got.write(buf, 0, n);
        }
      } catch (IOException e) {
        // a reset after the answer: keep what arrived
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  private static void problem(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }
}
