package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEAD answers as GET does, spoken as raw HTTP/1.1 on a socket: the same status and headers
 * (Content-Type, caching, security headers), a Content-Length equal to the GET body's length, and
 * no body bytes at all, on pages, the API, images and a 404.
 */
class HeadRequestTest {
  /** Headers that differ between two answers for reasons other than the method. */
  private static final Set<String> PER_RESPONSE =
      Set.of("date", "content-length", "transfer-encoding");

  @TempDir static Path data;
  static App app;
  static long eventId;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    eventId = new Http(app).get("/api/events").json().path("features").get(0).path("id").asLong();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  record Raw(int status, Map<String, String> headers, byte[] body) {}

  /** One request on its own connection; reads until the server closes it. */
  static Raw raw(String method, String path) throws IOException {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + app.port()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      byte[] bytes = all.toByteArray();
      int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(end).as("end of the headers of %s %s", method, path).isPositive();
      String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
      byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Raw(status, headers, body);
    }
  }

  static byte[] unchunk(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < in.length) {
      int eol = indexOf(java.util.Arrays.copyOfRange(in, i, in.length), new byte[] {'\r', '\n'});
      String size = new String(in, i, eol, StandardCharsets.US_ASCII).split(";")[0].trim();
      int n = Integer.parseInt(size, 16);
      if (n == 0) break;
      out.write(in, i + eol + 2, n);
      i += eol + 2 + n + 2;
    }
    return out.toByteArray();
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static void headIsGetWithoutBody(String path, int status) throws IOException {
    Raw get = raw("GET", path);
    Raw head = raw("HEAD", path);
    assertThat(get.status()).as("GET %s", path).isEqualTo(status);
    assertThat(head.status()).as("HEAD %s", path).isEqualTo(status);
    assertThat(head.body()).as("HEAD %s sends no body", path).isEmpty();
    assertThat(get.body()).as("GET %s has a body", path).isNotEmpty();
    assertThat(head.headers().get("content-type"))
        .as("HEAD %s Content-Type", path)
        .isNotNull()
        .isEqualTo(get.headers().get("content-type"));
    assertThat(head.headers().get("content-length"))
        .as("HEAD %s Content-Length", path)
        .isEqualTo(String.valueOf(get.body().length));
    Map<String, String> getHeaders = new TreeMap<>(get.headers());
    Map<String, String> headHeaders = new TreeMap<>(head.headers());
    getHeaders.keySet().removeAll(PER_RESPONSE);
    headHeaders.keySet().removeAll(PER_RESPONSE);
    assertThat(headHeaders).as("HEAD %s headers", path).isEqualTo(getHeaders);
  }

  @Test
  void pagesAnswerHeadLikeGet() throws IOException {
    headIsGetWithoutBody("/", 200);
    headIsGetWithoutBody("/embed", 200);
    headIsGetWithoutBody("/events/" + eventId, 200);
    headIsGetWithoutBody("/js/main.js", 200);
  }

  @Test
  void theApiAnswersHeadLikeGet() throws IOException {
    headIsGetWithoutBody("/api/events", 200);
    headIsGetWithoutBody("/api/events/" + eventId, 200);
    headIsGetWithoutBody("/api/events/latest", 200);
    headIsGetWithoutBody("/api/countries", 200);
    headIsGetWithoutBody("/api/places/labels?bbox=30,30,45,40&zoom=6", 200);
    headIsGetWithoutBody("/events/" + eventId + "/preview.png", 200);
  }

  @Test
  void errorsAnswerHeadLikeGet() throws IOException {
    headIsGetWithoutBody("/api/events/999999", 404);
    headIsGetWithoutBody("/api/events?limit=nope", 400);
    assertThat(raw("HEAD", "/api/events/999999").headers().get("content-type"))
        .startsWith("application/problem+json");
  }
}
