package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with an editor token refuses edits without it and keeps what was stored. */
class EditorTokenTest {
  @TempDir static Path data;
  static App app;
  static Http http;

  @BeforeAll
  static void start() {
    app =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(data)
                .withSample(true)
                .withEditorToken("s3cret-token"));
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void anEditWithoutTheTokenIsRefusedWith401AndChangesNothing() {
    int before = http.get("/api/zones").json().path("features").size();
    Http.Response r = http.post("/api/zones", "application/geo+json", ZonesApiTest.SQUARE);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    Http.Response wrong =
        http.request(
            "POST",
            "/api/zones",
            Map.of("Authorization", "Bearer s3cret-tokeN"),
            "application/geo+json",
            ZonesApiTest.SQUARE);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(http.get("/api/zones").json().path("features").size()).isEqualTo(before);
  }

  @Test
  void anEditWithTheTokenIsAccepted() {
    Http.Response r =
        http.request(
            "POST",
            "/api/zones",
            Map.of("Authorization", "Bearer s3cret-token", "X-Editor", "Rana"),
            "application/geo+json",
            ZonesApiTest.SQUARE);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().path("id").asLong();
    assertThat(http.delete("/api/zones/" + id).status()).isEqualTo(401);
    assertThat(http.get("/api/zones/" + id).status()).isEqualTo(200);
  }

  @Test
  void readsNeedNoToken() {
    assertThat(http.get("/api/zones").status()).isEqualTo(200);
    assertThat(http.get("/api/events").status()).isEqualTo(200);
  }
}
