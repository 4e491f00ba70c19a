package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zones import FILE} and {@code zones export}: a round trip through a data directory. */
class ZonesCliTest {
  static final String FC =
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
          + "{\"type\":\"Polygon\",\"coordinates\":[[[36,35],[37,35],[37,36],[36,36],[36,35]]]},"
          + "\"properties\":{\"name\":\"From the CLI\",\"source\":\"x\"}}]}";

  @Test
  void importThenExportAsGeoJsonAndKml(@TempDir Path dir, @TempDir Path data) throws Exception {
    Path file = Files.writeString(dir.resolve("zones.geojson"), FC);
    CliTest.Run missing =
        CliTest.run("zones", "import", file.toString(), "--data", data.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Import refused");
    assertThat(missing.out()).contains("valid_from is required");

    CliTest.Run ok =
        CliTest.run(
            "zones",
            "import",
            file.toString(),
            "--valid-from",
            "2018-09-17",
            "--data",
            data.toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("1 zone(s) imported").contains("ignored_properties=[source]");

    CliTest.Run geojson = CliTest.run("zones", "export", "--data", data.toString());
    assertThat(geojson.exit()).isZero();
    assertThat(geojson.out()).contains("\"From the CLI\"").contains("\"2018-09-17\"");

    Path kml = dir.resolve("out.kml");
    CliTest.Run k =
        CliTest.run(
            "zones", "export", "--format", "kml", "-o", kml.toString(), "--data", data.toString());
    assertThat(k.exit()).isZero();
    assertThat(Files.readString(kml)).contains("<name>From the CLI</name>");

    CliTest.Run bad = CliTest.run("zones", "import", dir.resolve("nope.kml").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("does not exist");
  }
}
