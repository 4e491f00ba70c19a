package org.conflictmap.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.conflictmap.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazetteer import} on a small dump in GeoNames' own formats (test resources/geonames). */
class GeoNamesImportTest {
  @TempDir Path tmp;

  private final List<String> warnings = new ArrayList<>();

  @Test
  void aPlainDumpBecomesTheGazetteerOfTheDataDirectory() throws Exception {
    Path data = tmp.resolve("data");
    GeoNamesImport.Result r = importer(fixture()).into(data);

    assertThat(r.file()).isEqualTo(GazetteerStore.importedFile(data)).isRegularFile();
    assertThat(r.skipped()).as("the hotel, feature class S").isEqualTo(1);
    assertThat(r.badRows()).isEqualTo(2);
    assertThat(warnings)
        .anySatisfy(w -> assertThat(w).contains("allCountries.txt line 5"))
        .anySatisfy(w -> assertThat(w).contains("allCountries.txt line 6"));

    Gazetteer g = GazetteerStore.open(data, false);
    assertThat(g.lookup("Grand Fixture Hotel")).isEmpty();
    assertThat(g.lookup("Nowhere")).isEmpty();
    assertThat(g.lookup("Idleb")).extracting(Place::key).containsExactly("169389");
    // countries and regions take our keys, and keep what the bundled gazetteer knows of them
    assertThat(g.lookup("Syria")).extracting(Place::key).containsExactly("country:SY");
    assertThat(g.country("SY").orElseThrow().geonameId()).isEqualTo(163843L);
    assertThat(g.demonym("Syrians")).map(Place::key).contains("country:SY");
    assertThat(g.lookup("Idlib")).extracting(Place::key).contains("169389", "admin1:SY.12");
    assertThat(g.region(g.byKey("169389").orElseThrow()))
        .map(Place::name)
        .contains("Idlib Governorate");
    assertThat(g.lookup("Tex.")).extracting(Place::key).containsExactly("admin1:US.TX");
    assertThat(g.lookup("Laurel County"))
        .extracting(Place::key)
        .containsExactly("admin2:US.KY.125");
    assertThat(g.lookup("Europe")).extracting(Place::key).containsExactly("continent:EU");
    assertThat(g.lookup("Middle East")).extracting(Place::key).contains("region:middle-east");
    // from alternateNames: abbreviations and short or colloquial names; not history or links
    assertThat(g.lookup("U.S.")).extracting(Place::key).contains("country:US");
    assertThat(g.lookup("America")).extracting(Place::key).contains("country:US");
    assertThat(g.lookup("Aleppo City")).extracting(Place::key).containsExactly("170063");
    assertThat(g.lookup("Haleb")).isEmpty();
    assertThat(g.lookup("12345")).isEmpty();
  }

  @Test
  void zippedFilesReadTheSame() throws Exception {
    Path dump = tmp.resolve("zipped");
    Files.createDirectories(dump);
    for (String f : List.of("allCountries", "alternateNamesV2")) {
      try (ZipOutputStream zip =
          new ZipOutputStream(Files.newOutputStream(dump.resolve(f + ".zip")))) {
        zip.putNextEntry(new ZipEntry("readme.txt"));
        zip.write("GeoNames readme".getBytes());
        zip.putNextEntry(new ZipEntry(f + ".txt"));
        zip.write(Files.readAllBytes(fixture().resolve(f + ".txt")));
      }
    }
    for (String f : List.of("admin1CodesASCII.txt", "countryInfo.txt")) {
      Files.copy(fixture().resolve(f), dump.resolve(f));
    }
    Path data = tmp.resolve("data");
    GeoNamesImport.Result r = importer(dump).into(data);
    Gazetteer g = GazetteerStore.open(data, false);
    assertThat(r.badRows()).isEqualTo(2);
    assertThat(g.lookup("U.S.")).extracting(Place::key).contains("country:US");
    assertThat(g.lookup("Idleb")).extracting(Place::key).containsExactly("169389");
  }

  @Test
  void aBadFileFailsTheImportAndLeavesTheLastOneInPlace() throws Exception {
    Path data = tmp.resolve("data");
    importer(fixture()).into(data);
    byte[] before = Files.readAllBytes(GazetteerStore.importedFile(data));

    Path broken = copyOfFixture("broken");
    Files.write(broken.resolve("allCountries.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
    assertThatThrownBy(() -> importer(broken).into(data))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("allCountries.txt");

    Path notZip = copyOfFixture("notzip");
    Files.delete(notZip.resolve("allCountries.txt"));
    Files.writeString(notZip.resolve("allCountries.zip"), "this is no zip file");
    assertThatThrownBy(() -> importer(notZip).into(data)).isInstanceOf(IOException.class);

    Path missing = copyOfFixture("missing");
    Files.delete(missing.resolve("countryInfo.txt"));
    assertThatThrownBy(() -> importer(missing).into(data))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("countryInfo");

    assertThat(Files.readAllBytes(GazetteerStore.importedFile(data))).isEqualTo(before);
    try (var files = Files.list(GazetteerStore.importedFile(data).getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void theCommandImportsAndBuildsTheIndex() throws Exception {
    Path data = tmp.resolve("data");
    int code = Main.run("gazetteer", "import", fixture().toString(), "--data=" + data);
    assertThat(code).isZero();
    assertThat(GazetteerStore.importedFile(data)).isRegularFile();
    assertThat(GazetteerStore.indexFile(data)).isRegularFile();
    assertThat(Main.run("gazetteer", "import", tmp.resolve("nope").toString(), "--data=" + data))
        .isEqualTo(2);
    assertThat(
            Main.run(
                "gazetteer", "import", fixture().toString(), "--classes=P,Q", "--data=" + data))
        .isEqualTo(2);
  }

  private GeoNamesImport importer(Path dump) {
    return new GeoNamesImport(dump, GeoNamesImport.DEFAULT_CLASSES, warnings::add, (f, r, t) -> {});
  }

  private Path copyOfFixture(String name) throws IOException, URISyntaxException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    try (var files = Files.list(fixture())) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(GeoNamesImportTest.class.getResource("/geonames/countryInfo.txt").toURI())
        .getParent();
  }

  @Test
  void coordinatesAreWrittenAsAFormatterWritesThem() {
    for (String text :
        List.of(
            "36.20124",
            "-0.5",
            "0",
            "-0",
            "12",
            "179.99999",
            "-90.00000",
            "36.2",
            "1.10",
            "036.5",
            "1e2",
            "36.123456",
            "-.5",
            "5.",
            "+3.1",
            "0.00001",
            "-179.5")) {
      double value = Double.parseDouble(text);
      assertThat(GeoNamesImport.degrees(value, text))
          .as(text)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.5f", value));
    }
    assertThat(GeoNamesImport.digits("163843")).isTrue();
    assertThat(GeoNamesImport.digits("")).isFalse();
    assertThat(GeoNamesImport.digits("12a")).isFalse();
    assertThat(GeoNamesImport.digits("١٢")).as("Arabic-Indic digits are no GeoNames id").isFalse();
  }
}
