package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export}: the filters of {@code /api/export}, read and refused the same way, and a
 * GeoPackage with the zones of the view beside the events.
 */
class ExportCliTest {
  @TempDir static Path data;
  @TempDir static Path dir;

  @BeforeAll
  static void store() throws Exception {
    Path events = dir.resolve("acled.csv");
    try (InputStream in = ExportCliTest.class.getResourceAsStream("/imports/acled-sample.csv")) {
      Files.copy(in, events);
    }
    CliTest.Run imported = CliTest.run("import", events.toString(), "--data", data.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    Path zones = Files.writeString(dir.resolve("zones.geojson"), ZonesCliTest.FC);
    CliTest.Run zone =
        CliTest.run(
            "zones",
            "import",
            zones.toString(),
            "--valid-from",
            "2018-09-17",
            "--data",
            data.toString());
    assertThat(zone.exit()).as(zone.err()).isZero();
  }

  private static CliTest.Run export(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("export", "--data", data.toString()));
    all.addAll(List.of(args));
    return CliTest.run(all.toArray(String[]::new));
  }

  @Test
  void everyFilterOfTheMapNarrowsTheExport() throws Exception {
    assertThat(export().out()).contains("SYR90001", "SYR90002", "TUR20003", "RUS30004", "SYR90005");
    assertThat(export("--country", "TR").out())
        .contains("TUR20003")
        .doesNotContain("SYR90001", "RUS30004");
    assertThat(export("--type", "Battles").out()).contains("SYR90001").doesNotContain("TUR20003");
    assertThat(export("--from", "2019-08-29").out())
        .contains("TUR20003", "SYR90005")
        .doesNotContain("SYR90001");
    assertThat(export("--datetime", "../2019-08-28").out())
        .contains("SYR90001", "SYR90002")
        .doesNotContain("TUR20003");
    // the zone (36-37 E, 35-36 N) holds Khan Shaykhun and Idlib, not Aleppo or Ankara
    assertThat(export("--zone", "1", "--format", "geojson").out())
        .contains("SYR90001")
        .doesNotContain("SYR90005", "TUR20003");
  }

  @Test
  void aBadFilterIsRefusedInTheApisWordsAndWritesNothing() throws Exception {
    Path out = dir.resolve("never.csv");
    CliTest.Run bbox = export("--bbox", "1,2,3", "-o", out.toString());
    assertThat(bbox.exit()).isEqualTo(2);
    assertThat(bbox.err()).contains("Invalid bbox").contains("four numbers");
    assertThat(out).doesNotExist();

    CliTest.Run lon = export("--bbox", "170,0,190,10");
    assertThat(lon.exit()).isEqualTo(2);
    assertThat(lon.err()).contains("bbox");

    CliTest.Run zone = export("--zone", "99");
    assertThat(zone.exit()).isEqualTo(2);
    assertThat(zone.err()).contains("there is no zone 99");

    CliTest.Run both = export("--datetime", "2019-08-27", "--from", "2019-08-01");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("not both");
  }

  @Test
  void aGeoPackageCarriesTheZonesOfTheView() throws Exception {
    Path gpkg = dir.resolve("view.gpkg");
    CliTest.Run run =
        export("--format", "gpkg", "--bbox", "35,34,38,37", "--country", "SY", gpkg.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    try (GeoPackage gp = GeoPackageManager.open(gpkg.toFile(), false)) {
      assertThat(gp.getFeatureTables()).contains("events", "zones");
      assertThat(gp.getFeatureDao("events").count()).isEqualTo(3);
      FeatureResultSet rows = gp.getFeatureDao("zones").queryForAll();
      try {
        assertThat(rows.moveToNext()).isTrue();
        assertThat(rows.getRow().getValue("name")).isEqualTo("From the CLI");
        assertThat(rows.moveToNext()).isFalse();
      } finally {
        rows.close();
      }
    }
    Path far = dir.resolve("far.gpkg");
    assertThat(export("--format", "gpkg", "--bbox", "10,10,11,11", far.toString()).exit()).isZero();
    try (GeoPackage gp = GeoPackageManager.open(far.toFile(), false)) {
      assertThat(gp.getFeatureDao("zones").count()).isZero();
    }
  }
}
