package org.conflictmap.geoparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GeoNamesImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The geoparser on a gazetteer imported from a GeoNames dump. A full dump holds millions of
 * streams, hills and oil fields named like towns and people; they must not outrank the towns.
 */
class ImportedGazetteerTest {
  @TempDir Path tmp;

  @Test
  void geoNamesFeaturesDoNotOutrankTownsOrTurnPeopleIntoPlaces() throws Exception {
    Path dump = copyOfFixture();
    // a village of Idlib, a stream and a hill in Angola named like it and like Aleppo, and a
    // stream named like a person
    appendRows(
        dump.resolve("allCountries.txt"),
        row(9000000, "Kafranbel", "P", "PPL", "SY", 35.61, 36.56, 2000),
        row(9000001, "Kafranbel", "H", "STM", "AO", -12.0, 17.0, 0),
        row(9000002, "Aleppo", "T", "HLL", "AO", -12.5, 17.5, 0),
        row(9000003, "Wilkinson", "H", "STM", "US", 44.0, -100.0, 0));
    Path data = tmp.resolve("data");
    new GeoNamesImport(dump, GeoNamesImport.DEFAULT_CLASSES, w -> {}, (f, at, total) -> {})
        .into(data);
    Gazetteer g = Gazetteer.open(data);
    assertThat(g.lookup("Kafranbel")).extracting(p -> p.key()).contains("9000001");

    Geoparser parser = new Geoparser(g);

    // a village outranks a stream of its name; it used to weigh like a town of 10,000
    assertThat(parser.parse("Shelling hit Kafranbel on Monday."))
        .singleElement()
        .satisfies(m -> assertThat(m.place().key()).isEqualTo("9000000"));
    List<Mention> ms = parser.parse("Shelling hit Kafranbel and Aleppo on Monday, Wilkinson said.");
    assertThat(ms).extracting(Mention::text).containsExactly("Kafranbel", "Aleppo");
    assertThat(ms).allSatisfy(m -> assertThat(m.place().countryCode()).isEqualTo("SY"));

    // a stream named like a person is no reason to read the person as a place...
    assertThat(parser.parse("Wilkinson met the governor.")).isEmpty();
    // ...but a sign from the text still makes it one
    assertThat(parser.parse("Troops crossed the bridge in Wilkinson."))
        .singleElement()
        .satisfies(m -> assertThat(m.place().key()).isEqualTo("9000003"));
  }

  private Path copyOfFixture() throws IOException, URISyntaxException {
    Path from = Path.of(getClass().getResource("/geonames/allCountries.txt").toURI()).getParent();
    Path dump = Files.createDirectories(tmp.resolve("dump"));
    for (String f :
        Set.of(
            "allCountries.txt",
            "alternateNamesV2.txt",
            "admin1CodesASCII.txt",
            "countryInfo.txt")) {
      Files.copy(from.resolve(f), dump.resolve(f));
    }
    return dump;
  }

  /** One allCountries row: the 19 tab-separated columns of the GeoNames dump. */
  private static String row(
      long id,
      String name,
      String featureClass,
      String code,
      String cc,
      double lat,
      double lon,
      long population) {
    return String.join(
        "\t",
        Long.toString(id),
        name,
        name,
        "",
        Double.toString(lat),
        Double.toString(lon),
        featureClass,
        code,
        cc,
        "",
        "SY".equals(cc) ? "12" : "00",
        "",
        "",
        "",
        Long.toString(population),
        "",
        "100",
        "Africa/Luanda",
        "2024-01-01");
  }

  private static void appendRows(Path file, String... rows) throws IOException {
    Files.writeString(file, String.join("\n", rows) + "\n", StandardOpenOption.APPEND);
  }
}
