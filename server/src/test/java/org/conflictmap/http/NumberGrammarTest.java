package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.TestTokens;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One strict number grammar for every view parameter: what {@code /api/events} takes as a bbox,
 * {@code /preview.png} takes too, and NaN, Infinity, hex floats, exponents and other scripts'
 * digits are refused by both with a 400 problem.
 */
class NumberGrammarTest {
  @TempDir static Path data;
  static App app;
  static Http http;

  static final String[] NOT_DECIMALS = {
    "NaN",
    "Infinity",
    "-Infinity",
    "0x1p3",
    "1e2",
    "1E2",
    "1d",
    "2f",
    "+1",
    ".5",
    "5.",
    "1..2",
    "١٢",
    "１２",
    "--1",
    "-",
    "",
    "0x10",
    "1_000",
    "9".repeat(40),
    "1,5"
  };

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void decimalsAreAsciiDigitsWithAnOptionalMinusAndPoint() {
    assertThat(Decimal.parse("36")).isEqualTo(36.0);
    assertThat(Decimal.parse("-179.25")).isEqualTo(-179.25);
    assertThat(Decimal.parse("0.000001")).isEqualTo(1e-6);
    for (String s : NOT_DECIMALS) {
      assertThatThrownBy(() -> Decimal.parse(s)).as(s).isInstanceOf(NumberFormatException.class);
    }
  }

  @Test
  void bothViewEndpointsRefuseTheSameBboxes() {
    for (String bad : NOT_DECIMALS) {
      String bbox = enc("30," + bad + ",40,40");
      for (String path : new String[] {"/api/events", "/preview.png", "/api/zones/1/events"}) {
        Http.Response r = http.get(path + "?bbox=" + bbox);
        assertThat(r.status()).as(path + " bbox=30," + bad + ",40,40").isEqualTo(400);
        assertThat(r.contentType()).as(path).isEqualTo("application/problem+json");
        assertThat(r.json().path("title").asText()).isEqualTo("Invalid bbox");
      }
    }
    for (String path : new String[] {"/api/events", "/preview.png"}) {
      assertThat(http.get(path + "?bbox=1,2,3,4,").status())
          .as(path + " trailing comma")
          .isEqualTo(400);
      assertThat(http.get(path + "?bbox=1,2,,4").status()).as(path + " empty item").isEqualTo(400);
      assertThat(http.get(path + "?bbox=NaN,NaN,NaN,NaN").status()).as(path).isEqualTo(400);
    }
  }

  @Test
  void plainDecimalsStillWork() {
    assertThat(http.get("/api/events?bbox=30,30,40,40").status()).isEqualTo(200);
    // a space after the comma and a negative zero are still plain decimals
    assertThat(http.get("/api/events?bbox=30.5,%2030.25,40,40").status()).isEqualTo(200);
    assertThat(http.get("/api/events?bbox=-0,-0,40,40").status()).isEqualTo(200);
    assertThat(http.get("/api/events?bbox=-180,-90,180,90").json().path("features"))
        .as("the sample events")
        .isNotEmpty();
    assertThat(http.get("/preview.png?center=36.6,35.9&zoom=7.5").status()).isEqualTo(200);
  }

  @Test
  void centerAndZoomUseTheSameGrammar() {
    for (String bad : new String[] {"NaN", "0x1p3", "1e1", "٧", "Infinity"}) {
      Http.Response zoom = http.get("/preview.png?center=36,35&zoom=" + enc(bad));
      assertThat(zoom.status()).as("zoom=" + bad).isEqualTo(400);
      Http.Response center = http.get("/preview.png?center=" + enc(bad + ",35") + "&zoom=5");
      assertThat(center.status()).as("center=" + bad + ",35").isEqualTo(400);
      assertThat(center.contentType()).isEqualTo("application/problem+json");
    }
  }

  @Test
  void theAuditLogTakesOnlyAsciiWholeNumbers() {
    Http admin = http.as(TestTokens.admin(app));
    assertThat(admin.get("/api/audit?limit=5").status()).isEqualTo(200);
    // Integer.parseInt reads Arabic-Indic digits: ?limit=٥ used to be read as 5
    Http.Response r = admin.get("/api/audit?limit=" + enc("٥"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    // and given once, like every other parameter (the first of two used to win)
    Http.Response twice = admin.get("/api/audit?limit=5&limit=6");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().path("title").asText()).isEqualTo("Repeated parameter");
  }
}
