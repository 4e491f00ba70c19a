package org.conflictmap.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.conflictmap.geoparse.TestGazetteer;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private final Gazetteer g = TestGazetteer.get();

  @Test
  void foldsCaseDiacriticsAndScripts() {
    assertThat(Names.normalize("İdlib")).isEqualTo("idlib");
    assertThat(Names.normalize("Jisr ash-Shughūr")).isEqualTo("jisr ash shughur");
    assertThat(Names.normalize("Ma‘arrat an Nu‘mān")).isEqualTo("maarrat an numan");
    for (String spelling : List.of("Idlib", "idlib", "Idleb", "IDLIB", "إدلب")) {
      assertThat(g.lookup(spelling))
          .as(spelling)
          .anySatisfy(p -> assertThat(p.geonameId()).isEqualTo(169389L));
    }
  }

  @Test
  void countriesAreFoundByShortFormalAndForeignNames() {
    for (String name : List.of("Syria", "Syrian Arab Republic", "Syrie", "Сирия")) {
      assertThat(g.lookup(name))
          .as(name)
          .anySatisfy(p -> assertThat(p.key()).isEqualTo("country:SY"));
    }
    Place syria = g.country("SY").orElseThrow();
    assertThat(syria.precision()).isEqualTo(Precision.COUNTRY);
    assertThat(syria.lat()).isBetween(32.3, 37.3);
    assertThat(syria.lon()).isBetween(35.7, 42.4);
  }

  @Test
  void regionsSitInsideTheirAreaAndKnowTheirTowns() {
    Place region = g.byKey("admin1:SY.12").orElseThrow();
    assertThat(region.name()).isEqualTo("Idlib");
    assertThat(region.precision()).isEqualTo(Precision.REGION);
    // Idlib governorate spans about 35.4-36.3 N, 36.2-37.0 E
    assertThat(region.lat()).isBetween(35.5, 36.2);
    assertThat(region.lon()).isBetween(36.3, 36.9);
    Place town = g.byKey("169389").orElseThrow();
    assertThat(g.region(town)).contains(region);
  }

  @Test
  void demonymsNameTheirCountry() {
    assertThat(g.demonym("Syrian")).map(Place::key).contains("country:SY");
    assertThat(g.demonym("Russians")).map(Place::key).contains("country:RU");
    assertThat(g.demonym("Turkish")).map(Place::key).contains("country:TR");
    assertThat(g.demonym("Tuesday")).isEmpty();
    // shared demonyms mean the most populous country
    assertThat(g.demonym("American")).map(Place::key).contains("country:US");
    assertThat(g.demonym("French")).map(Place::key).contains("country:FR");
    assertThat(g.demonym("Chinese")).map(Place::key).contains("country:CN");
  }

  @Test
  void searchRanksTheCapitalAboveNamesakes() {
    List<Candidate> moscow = g.search("Moscow", 5);
    assertThat(moscow.get(0).place().countryCode()).isEqualTo("RU");
    assertThat(moscow).extracting(c -> c.place().countryCode()).contains("US");
  }
}
