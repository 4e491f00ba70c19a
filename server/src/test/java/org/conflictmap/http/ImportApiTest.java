package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.TestTokens;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/import}: an editor's file of events, all or nothing, over real HTTP. */
class ImportApiTest {
  @TempDir static Path data;
  static App app;
  static Http editor;
  static Http anonymous;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
    editor = new Http(app);
    anonymous = editor.as(null);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static byte[] acled() throws IOException {
    try (InputStream in = ImportApiTest.class.getResourceAsStream("/imports/acled-sample.csv")) {
      return in.readAllBytes();
    }
  }

  static int eventCount() {
    return editor.get("/api/events?limit=10000").json().path("numberReturned").asInt();
  }

  static void assertProblem(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.body()).doesNotContain("Exception", "at org.");
  }

  @Test
  void anEditorImportsAcledCsvOnceAndTheImportIsAudited() throws IOException {
    assertProblem(anonymous.post("/api/import", "text/csv", acled()), 401);
    int before = eventCount();
    Http.Response r = editor.post("/api/import", "text/csv; charset=utf-8", acled());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("imported").asInt()).isEqualTo(5);
    assertThat(eventCount()).isEqualTo(before + 5);
    JsonNode strike = editor.get("/api/events?q=market&limit=10").json().path("features").get(0);
    assertThat(strike.path("properties").path("event_id_cnty").asText()).isEqualTo("SYR90002");

    Http.Response again = editor.post("/api/import?format=acled-csv", "text/plain", acled());
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().path("imported").asInt()).isZero();
    assertThat(again.json().path("already_stored").asInt()).isEqualTo(5);
    assertThat(eventCount()).isEqualTo(before + 5);

    JsonNode entries = editor.as(TestTokens.admin(app)).get("/api/audit?limit=5").json();
    JsonNode first = null;
    for (JsonNode e : entries.path("entries")) {
      if (e.path("path").asText().startsWith("/api/import")
          && e.path("after").path("imported").asInt() == 5) {
        first = e;
      }
    }
    assertThat(first).as(entries.toString()).isNotNull();
    assertThat(first.path("who").asText()).isEqualTo("test-editor");
    assertThat(first.path("entity").asText()).isEqualTo("import");
  }

  @Test
  void aFileWithBadRowsIs422WithEachRowAndNothingIsStored() {
    int before = eventCount();
    String csv =
        "event_id_cnty,event_date,event_type,latitude,longitude,geo_precision\n"
            + "B1,2020-02-02,Battles,35.5,36.5,1\n"
            + "B2,2020-02-30,Battles,35.5,36.5,1\n"
            + "B3,2020-02-03,Battles,35.5,361,1\n";
    Http.Response r = editor.post("/api/import", "text/csv", csv);
    assertProblem(r, 422);
    JsonNode errors = r.json().path("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).path("row").asInt()).isEqualTo(2);
    assertThat(errors.get(0).path("column").asText()).isEqualTo("event_date");
    assertThat(errors.get(1).path("row").asInt()).isEqualTo(3);
    assertThat(errors.get(1).path("column").asText()).isEqualTo("longitude");
    assertThat(r.json().path("detail").asText()).contains("nothing was imported");
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  void oversizedUnknownAndMalformedBodiesAreRefused() {
    byte[] big = new byte[10 * 1024 * 1024 + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    assertProblem(editor.post("/api/import", "text/csv", big), 413);
    assertProblem(editor.post("/api/import", "application/octet-stream", new byte[] {1, 2}), 415);
    assertProblem(editor.post("/api/import?format=xls", "text/csv", "a,b\n"), 400);
    assertProblem(editor.post("/api/import?fmt=csv", "text/csv", "a,b\n"), 400);
    assertProblem(
        editor.post(
            "/api/import", "text/csv", "caf\u00e9,b\n".getBytes(StandardCharsets.ISO_8859_1)),
        422);
    assertProblem(editor.post("/api/import", "application/geo+json", "{\"type\":"), 422);
  }
}
