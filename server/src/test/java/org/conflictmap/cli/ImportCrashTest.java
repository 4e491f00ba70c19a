package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.conflictmap.imports.EventImport;
import org.conflictmap.imports.ImportFormat;
import org.conflictmap.store.Database;
import org.conflictmap.store.EventImportStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 part 5: an import is all or nothing under SIGKILL. A real {@code import} process is
 * killed while it writes a large file; the embedded store must reopen with none of that file's
 * events, sources or articles, and take the file afterwards.
 */
class ImportCrashTest {
  private static final int ROWS = 20_000;

  @TempDir Path tmp;

  @Test
  void anImportKilledMidWriteLeavesNoneOfItsRowsAndTheStoreReopens() throws Exception {
    Path csv = tmp.resolve("big.csv");
    write(csv, ROWS);
    Path data = tmp.resolve("data");
    // migrated first, so the kill falls among the import's writes and not Flyway's
    Database.embedded(data).close();
    Path file = data.resolve("conflictmap.mv.db");
    long migrated = Files.size(file);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "import",
                csv.toString(),
                "--data",
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("import.log").toFile())
            .start();
    // past this growth, rows of the file are being written
    long writing = migrated + (8L << 20);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (p.isAlive() && System.nanoTime() < deadline && Files.size(file) <= writing) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive())
        .as(
            "the import still runs when it is killed (log: %s)",
            Files.readString(tmp.resolve("import.log")))
        .isTrue();
    p.destroyForcibly(); // SIGKILL on Linux
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (Database db = Database.embedded(data)) {
      for (String table : List.of("events", "event_sources", "articles")) {
        assertThat(rows(db, table)).as(table + " after the kill").isZero();
      }
      String small = String.join("\n", lines(200));
      EventImport.Summary s =
          EventImport.run(
              new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8)),
              ImportFormat.ACLED_CSV,
              new EventImportStore(db),
              new ObjectMapper(),
              n -> {});
      assertThat(s.added()).isEqualTo(200);
      assertThat(rows(db, "events")).isEqualTo(200);
    }
  }

  private static long rows(Database db, String table) {
    return db.inTransaction(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static void write(Path csv, int n) throws java.io.IOException {
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      for (String line : lines(n)) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  private static List<String> lines(int n) {
    String[] out = new String[n + 1];
    out[0] =
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,location,latitude,longitude,geo_precision,source,notes,fatalities";
    for (int i = 1; i <= n; i++) {
      out[i] =
          "SYR"
              + (500000 + i)
              + ",2020-"
              + String.format("%02d-%02d", 1 + i % 12, 1 + i % 28)
              + ",Battles,Armed clash,Military Forces of Syria (2000-2024),Town "
              + (i % 500)
              + ","
              + (32 + (i * 7919 % 6000) / 1000.0)
              + ","
              + (35 + (i * 104729 % 8000) / 1000.0)
              + ",1,Syrian Observatory for Human Rights,\"Clashes near the town, report "
              + i
              + ".\","
              + (i % 5);
    }
    return List.of(out);
  }
}
