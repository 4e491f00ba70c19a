package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import FILE}: all or nothing, a line per refused row, a one-line summary, and export. */
class ImportCliTest {
  @Test
  void importsOnceRefusesBadFilesAndExportsWhatItStored(@TempDir Path dir, @TempDir Path data)
      throws Exception {
    Path file = dir.resolve("acled.csv");
    try (InputStream in = ImportCliTest.class.getResourceAsStream("/imports/acled-sample.csv")) {
      Files.copy(in, file);
    }
    CliTest.Run ok = CliTest.run("import", file.toString(), "--data", data.toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("5 event(s) imported from", "0 already stored", "5 row(s) read");

    CliTest.Run again = CliTest.run("import", file.toString(), "--data", data.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 event(s) imported", "5 already stored");

    Path bad = dir.resolve("bad.txt");
    Files.writeString(
        bad,
        "event_id_cnty,event_date,event_type,latitude,longitude,geo_precision\n"
            + "Z1,2020-01-01,Battles,91,36,1\n");
    CliTest.Run refused =
        CliTest.run("import", bad.toString(), "--format", "acled-csv", "--data", data.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("Import refused");
    assertThat(refused.out()).contains("row 1, latitude: 91 is outside -90 to 90");

    CliTest.Run unknown = CliTest.run("import", bad.toString(), "--data", data.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("name it .csv, .geojson or .kml");

    CliTest.Run export = CliTest.run("export", "--data", data.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out()).contains("SYR90001", "TUR20003").doesNotContain("Z1");
  }
}
