package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.events.EventQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as other tools call it: exit codes and what it prints. */
class CliTest {
  static final Path FOUNDING =
      Path.of("src", "test", "resources", "founding", "idlib-2019-08-27.txt");

  record Run(int exit, String out, String err) {}

  static Run run(String... args) throws Exception {
    return capture(() -> Main.run(args));
  }

  static synchronized Run capture(Callable<Integer> body) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = body.call();
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void everyCommandHasHelp() throws Exception {
    for (String command : new String[] {"serve", "ingest", "geoparse"}) {
      Run r = run(command, "--help");
      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: conflictmap " + command);
    }
    assertThat(run("--help").out()).contains("serve", "ingest", "geoparse");
  }

  @Test
  void aPortInUseIsOneLineAndLeavesTheDataDirectoryAlone(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      Run r = run("serve", "--port", String.valueOf(port), "--data", data.toString());
      assertThat(r.exit()).isNotZero();
      assertThat(r.err().strip())
          .isEqualTo("conflictmap: port " + port + " is already in use; pick another with --port");
      assertThat(r.out()).isEmpty();
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void geoparseRefusesBinaryAndNonUtf8InputInOneLine(@TempDir Path tmp) throws Exception {
    Path binary = Files.write(tmp.resolve("a.bin"), new byte[] {'I', 'd', 'l', 'i', 'b', 0, 1, 2});
    Run b = run("geoparse", binary.toString());
    assertThat(b.exit()).isEqualTo(2);
    assertThat(b.err().strip()).startsWith("error: Binary file").doesNotContain("Exception");
    // "Alep" with a Latin-1 e-acute: not UTF-8
    Path latin1 = Files.write(tmp.resolve("a.txt"), new byte[] {'A', 'l', 'e', 'p', (byte) 0xE9});
    Run l = run("geoparse", latin1.toString());
    assertThat(l.exit()).isEqualTo(2);
    assertThat(l.err().strip()).startsWith("error: Not UTF-8").doesNotContain("Exception");
    assertThat(b.out()).isEmpty();
    assertThat(l.out()).isEmpty();
  }

  @Test
  void geoparsePrintsOneJsonObjectPerPlace() throws Exception {
    Run r = run("geoparse", FOUNDING.toString());
    assertThat(r.exit()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.path("text").asText()).isEqualTo("Ankara");
              assertThat(l.path("place_id").asLong()).isEqualTo(323786L);
              assertThat(l.path("country_code").asText()).isEqualTo("TR");
              assertThat(l.path("precision").asText()).isEqualTo("town");
              assertThat(l.path("end").asInt() - l.path("start").asInt()).isEqualTo(6);
            });
    assertThat(lines)
        .anySatisfy(l -> assertThat(l.path("place_key").asText()).isEqualTo("admin1:SY.12"));
  }

  @Test
  void ingestReadsADirectoryAndListsBadFilesWithoutStopping(@TempDir Path dir, @TempDir Path data)
      throws Exception {
    Files.copy(FOUNDING, dir.resolve("a-founding.txt"));
    Files.writeString(dir.resolve("b-homs.txt"), "date 2019-08-28\nShelling hit Homs overnight.\n");
    Files.writeString(dir.resolve("c-bad-date.txt"), "date 2019-02-30\nShelling hit Hama.\n");
    Files.write(dir.resolve("d-binary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Run r = run("ingest", dir.toString(), "--data", data.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("2 article(s) added", "2 failed", "c-bad-date.txt", "d-binary.txt");

    Run again = run("ingest", dir.resolve("b-homs.txt").toString(), "--data", data.toString());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("0 article(s) added", "1 already ingested");

    try (App.Services s = App.Services.open(Config.defaults().withDataDir(data))) {
      assertThat(s.events().find(EventQuery.all()))
          .anySatisfy(e -> assertThat(e.placeName()).isEqualTo("Homs"));
    }
  }

  @Test
  void aMissingFileIsAClearError() throws Exception {
    Run r = run("ingest", "/no/such/dir", "--data", Files.createTempDirectory("cm").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void geoparseAndEvalUseTheGazetteerImportedIntoTheDataDirectory(@TempDir Path tmp)
      throws Exception {
    Path data = tmp.resolve("data");
    Path dump = Path.of(CliTest.class.getResource("/geonames").toURI());
    assertThat(run("gazetteer", "import", dump.toString(), "--classes=A,P,S", "--data=" + data))
        .extracting(Run::exit)
        .isEqualTo(0);
    Path text = tmp.resolve("hotel.txt");
    Files.writeString(text, "Guests left the Grand Fixture Hotel on Monday.");

    Run imported = run("geoparse", text.toString(), "--data=" + data);
    assertThat(imported.exit()).isZero();
    assertThat(imported.out()).contains("\"place_id\":9999999");
    assertThat(imported.err()).contains("imported");

    // without an import: the bundled gazetteer, which has no such hotel, and no files left behind
    Path empty = tmp.resolve("empty");
    Run bundled = run("geoparse", text.toString(), "--data=" + empty);
    assertThat(bundled.exit()).isZero();
    assertThat(bundled.out()).doesNotContain("9999999");
    assertThat(empty).doesNotExist();
  }

  @Test
  void aDataDirInUseByAnotherProcessIsAClearError(@TempDir Path data) throws Exception {
    try (App app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false))) {
      Process other =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "ingest",
                  FOUNDING.toString(),
                  "--data",
                  data.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(other.waitFor()).isEqualTo(1);
      assertThat(output).contains("already open in another process").doesNotContain("\tat org.");
    }
  }
}
