package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conflictmap.App;
import org.conflictmap.TestTokens;
import org.conflictmap.config.Config;
import org.conflictmap.store.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading is public; every write needs a live editor token; the audit log is for admins. */
class AuthApiTest {
  @TempDir static Path data;
  static App app;
  static Http anonymous;
  static Http editor;
  static Http admin;
  static long eventId;
  static long zoneId;

  record Write(String method, String path, String type, String body) {}

  static final String ARTICLE =
      "{\"title\":\"Shelling near Aleppo\",\"body\":\"Shelling hit Aleppo on 3 March 2024, killing 4"
          + " people.\",\"url\":\"https://example.org/a1\",\"published\":\"2024-03-04\"}";

  static List<Write> writes() {
    return List.of(
        new Write("POST", "/api/articles", "application/json", ARTICLE),
        new Write("POST", "/api/articles?replace=true", "application/json", ARTICLE),
        new Write("PATCH", "/api/events/" + eventId, "application/json", "{\"fatalities\":99}"),
        new Write("DELETE", "/api/events/" + eventId, null, null),
        new Write("POST", "/api/zones", "application/geo+json", ZonesApiTest.SQUARE),
        new Write("PUT", "/api/zones/" + zoneId, "application/geo+json", ZonesApiTest.SQUARE),
        new Write("DELETE", "/api/zones/" + zoneId, null, null),
        new Write(
            "POST",
            "/api/zones/import",
            "application/geo+json",
            "{\"type\":\"FeatureCollection\",\"features\":[" + ZonesApiTest.SQUARE + "]}"));
  }

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    anonymous = new Http(app.port());
    editor = new Http(app);
    admin = anonymous.as(TestTokens.admin(app));
    eventId = anonymous.get("/api/events").json().path("features").get(0).path("id").asLong();
    zoneId = anonymous.get("/api/zones").json().path("features").get(0).path("id").asLong();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String state() {
    return anonymous.get("/api/events").body() + anonymous.get("/api/zones").body();
  }

  @Test
  void everyWriteWithoutAValidTokenIsRefusedWith401AndChangesNothing() {
    TokenStore.Created revoked = app.tokens().create("gone", TokenStore.Role.EDITOR);
    assertThat(app.tokens().revoke("gone")).isTrue();
    String before = state();
    for (Write w : writes()) {
      for (String token : new String[] {null, "not-a-token", revoked.secret(), ""}) {
        Http.Response r =
            anonymous
                .as(null)
                .request(
                    w.method(),
                    w.path(),
                    token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
                    w.type(),
                    w.body());
        assertThat(r.status()).as(w + " token " + token + ": " + r.body()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
      }
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void readsNeedNoTokenAndMeTellsTheRole() {
    assertThat(anonymous.get("/api/events").status()).isEqualTo(200);
    JsonNode me = anonymous.get("/api/me").json();
    assertThat(me.path("role").asText()).isEqualTo("viewer");
    assertThat(me.path("canEdit").asBoolean()).isFalse();
    JsonNode ed = editor.get("/api/me").json();
    assertThat(ed.path("role").asText()).isEqualTo("editor");
    assertThat(ed.path("name").asText()).isEqualTo("test-editor");
    assertThat(ed.path("canEdit").asBoolean()).isTrue();
    assertThat(admin.get("/api/me").json().path("role").asText()).isEqualTo("admin");
  }

  @Test
  void theAuditLogIsForAdminsOnly() {
    assertThat(anonymous.get("/api/audit").status()).isEqualTo(401);
    Http.Response r = editor.get("/api/audit");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(admin.get("/api/audit").status()).isEqualTo(200);
    assertThat(admin.get("/api/audit?limit=0").status()).isEqualTo(400);
    assertThat(admin.get("/api/audit?limit=x").status()).isEqualTo(400);
  }

  @Test
  void aWriteIsAuditedWithWhoWhatAndTheEntityBeforeAndAfter() {
    Http.Response created = editor.post("/api/zones", "application/geo+json", ZonesApiTest.SQUARE);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    String renamed =
        ZonesApiTest.SQUARE.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\":\"Renamed\"");
    assertThat(renamed).contains("Renamed");
    assertThat(editor.put("/api/zones/" + id, "application/geo+json", renamed).status())
        .isEqualTo(200);
    assertThat(editor.delete("/api/zones/" + id).status()).isEqualTo(204);

    JsonNode entries = admin.get("/api/audit?limit=3").json().path("entries");
    assertThat(entries.size()).isEqualTo(3);
    JsonNode del = entries.get(0);
    JsonNode put = entries.get(1);
    JsonNode post = entries.get(2);
    assertThat(del.path("who").asText()).isEqualTo("test-editor");
    assertThat(del.path("method").asText()).isEqualTo("DELETE");
    assertThat(del.path("path").asText()).isEqualTo("/api/zones/" + id);
    assertThat(del.path("entity").asText()).isEqualTo("zone");
    assertThat(del.path("entityId").asText()).isEqualTo(String.valueOf(id));
    assertThat(del.path("before").path("properties").path("name").asText()).isEqualTo("Renamed");
    assertThat(del.path("after").isNull()).isTrue();
    assertThat(put.path("before").path("properties").path("name").asText()).isNotEqualTo("Renamed");
    assertThat(put.path("after").path("properties").path("name").asText()).isEqualTo("Renamed");
    assertThat(post.path("before").isNull()).isTrue();
    assertThat(post.path("method").asText()).isEqualTo("POST");

    // paging: the entry before the newest is the second newest
    long newest = del.path("id").asLong();
    JsonNode older = admin.get("/api/audit?limit=1&before=" + newest).json().path("entries");
    assertThat(older.get(0).path("id").asLong()).isEqualTo(put.path("id").asLong());
  }

  @Test
  void aCorrectionIsAuditedWithTheEventBeforeAndAfter() {
    long id = anonymous.get("/api/events").json().path("features").get(1).path("id").asLong();
    Http.Response r =
        editor.request(
            "PATCH", "/api/events/" + id, Map.of(), "application/json", "{\"fatalities\":77}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode e = admin.get("/api/audit?limit=1").json().path("entries").get(0);
    assertThat(e.path("entity").asText()).isEqualTo("event");
    assertThat(e.path("after").path("properties").path("fatalities").asInt()).isEqualTo(77);
    assertThat(e.path("before").path("properties").path("fatalities").asInt()).isNotEqualTo(77);
  }

  @Test
  void tokensAreComparedCaseExactlyOnAReusedConnection() throws IOException {
    String token = TestTokens.editor(app);
    StringBuilder swapped = new StringBuilder();
    for (char c : token.toCharArray()) {
      swapped.append(
          Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    assertThat(swapped.toString()).isNotEqualTo(token);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      // a write on a zone that does not exist: 404 when authorised, 401 when not
      assertThat(exchange(out, in, token)).startsWith("HTTP/1.1 404");
      assertThat(exchange(out, in, swapped.toString())).startsWith("HTTP/1.1 401");
      assertThat(exchange(out, in, token)).startsWith("HTTP/1.1 404");
    }
  }

  private static String exchange(OutputStream out, InputStream in, String token)
      throws IOException {
    String req =
        "DELETE /api/zones/987654321 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Length: 0\r\n\r\n";
    out.write(req.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    // read the head, then exactly Content-Length bytes, leaving the connection ready for reuse
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String h = head.toString(StandardCharsets.US_ASCII);
      if (h.endsWith("\r\n\r\n")) {
        break;
      }
    }
    String h = head.toString(StandardCharsets.US_ASCII);
    int length = 0;
    for (String line : h.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    assertThat(h.toLowerCase()).doesNotContain("connection: close");
    in.readNBytes(length);
    return h;
  }

  @Test
  void theStoreNeverHoldsATokenOnlyItsHash(@TempDir Path dir) throws IOException {
    String secret;
    try (App a = App.start(Config.defaults().withPort(0).withDataDir(dir).withSample(false))) {
      secret = a.tokens().create("rana", TokenStore.Role.EDITOR).secret();
      assertThat(a.tokens().find(secret)).isPresent();
      assertThat(a.tokens().find(secret.toUpperCase())).isEmpty();
    }
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    byte[] hash = TokenStore.sha256(secret).getBytes(StandardCharsets.US_ASCII);
    boolean hashFound = false;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        assertThat(indexOf(bytes, needle)).as(f.toString()).isEqualTo(-1);
        hashFound |= indexOf(bytes, hash) >= 0;
      }
    }
    assertThat(hashFound).as("the hash is what is stored").isTrue();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aFreshStoreGetsOneFirstAdminTokenOnce(@TempDir Path dir) {
    String first;
    try (App a = App.start(Config.defaults().withPort(0).withDataDir(dir).withSample(false))) {
      first = a.firstAdminToken().orElseThrow();
      assertThat(new Http(a.port(), first).get("/api/audit").status()).isEqualTo(200);
    }
    try (App a = App.start(Config.defaults().withPort(0).withDataDir(dir).withSample(false))) {
      assertThat(a.firstAdminToken()).isEmpty();
      assertThat(new Http(a.port(), first).get("/api/me").json().path("role").asText())
          .isEqualTo("admin");
    }
  }

  @Test
  void anOpenServerTakesWritesWithoutATokenAndStillAuditsThem(@TempDir Path dir) {
    try (App a =
        App.start(
            Config.defaults().withPort(0).withDataDir(dir).withSample(false).withOpen(true))) {
      assertThat(a.firstAdminToken()).isEmpty();
      Http h = new Http(a.port());
      Http.Response r = h.post("/api/zones", "application/geo+json", ZonesApiTest.SQUARE);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(h.get("/api/me").json().path("open").asBoolean()).isTrue();
      JsonNode e = h.get("/api/audit").json().path("entries").get(0);
      assertThat(e.path("who").asText()).isEqualTo("anonymous");
    }
  }
}
