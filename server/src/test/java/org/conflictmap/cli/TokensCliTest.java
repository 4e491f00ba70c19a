package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.conflictmap.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tokens create/list/revoke} and what {@code serve} says about tokens on start. */
class TokensCliTest {
  private static int meStatus(int port, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/zones/987654321"))
            .DELETE();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static App serve(String... args) {
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.start(new PrintStream(OutputHolder.out, true, StandardCharsets.UTF_8));
  }

  /** What the last {@link #serve} printed. */
  static final class OutputHolder {
    static ByteArrayOutputStream out = new ByteArrayOutputStream();
  }

  @Test
  void createListAndRevokeATokenThatTheServerHonours(@TempDir Path dir) throws Exception {
    CliTest.Run created =
        CliTest.run("tokens", "create", "rana", "--role", "editor", "--data", dir.toString());
    assertThat(created.exit()).as(created.err()).isZero();
    String[] lines = created.out().strip().split("\n");
    String secret = lines[lines.length - 1].strip();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url

    CliTest.Run list = CliTest.run("tokens", "list", "--data", dir.toString());
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("rana").contains("editor").doesNotContain(secret);

    assertThat(
            CliTest.run("tokens", "create", "rana", "--role", "admin", "--data", dir.toString())
                .exit())
        .as("a name is taken once")
        .isNotZero();
    assertThat(
            CliTest.run("tokens", "create", "x", "--role", "viewer", "--data", dir.toString())
                .exit())
        .isNotZero();

    try (App app = serve("--port", "0", "--no-sample", "--data", dir.toString())) {
      assertThat(app.firstAdminToken()).as("tokens exist: no first admin").isEmpty();
      assertThat(meStatus(app.port(), secret)).isEqualTo(404);
      assertThat(meStatus(app.port(), null)).isEqualTo(401);
    }

    CliTest.Run revoked = CliTest.run("tokens", "revoke", "rana", "--data", dir.toString());
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(CliTest.run("tokens", "revoke", "nobody", "--data", dir.toString()).exit())
        .isNotZero();
    assertThat(CliTest.run("tokens", "list", "--data", dir.toString()).out())
        .containsPattern("rana\\teditor\\t\\S+\\t\\d{4}-");
    try (App app = serve("--port", "0", "--no-sample", "--data", dir.toString())) {
      assertThat(meStatus(app.port(), secret)).isEqualTo(401);
    }
  }

  @Test
  void serveOnAFreshStorePrintsTheFirstAdminTokenOnceOnOneLine(@TempDir Path dir) throws Exception {
    OutputHolder.out = new ByteArrayOutputStream();
    String token;
    try (App app = serve("--port", "0", "--no-sample", "--data", dir.toString())) {
      String printed = OutputHolder.out.toString(StandardCharsets.UTF_8);
      token = app.firstAdminToken().orElseThrow();
      assertThat(printed.lines().filter(l -> l.contains(token)).toList())
          .singleElement()
          .asString()
          .startsWith("first admin token");
      assertThat(meStatus(app.port(), token)).isEqualTo(404);
    }
    OutputHolder.out = new ByteArrayOutputStream();
    try (App app = serve("--port", "0", "--no-sample", "--data", dir.toString())) {
      assertThat(OutputHolder.out.toString(StandardCharsets.UTF_8))
          .doesNotContain("first admin token");
    }
  }

  @Test
  void serveOpenSaysSoLoudlyAndTakesWritesWithoutAToken(@TempDir Path dir) throws Exception {
    OutputHolder.out = new ByteArrayOutputStream();
    try (App app = serve("--port", "0", "--no-sample", "--open", "--data", dir.toString())) {
      String printed = OutputHolder.out.toString(StandardCharsets.UTF_8);
      assertThat(printed).startsWith("WARNING: --open").doesNotContain("first admin token");
      assertThat(meStatus(app.port(), null)).isEqualTo(404);
    }
  }
}
