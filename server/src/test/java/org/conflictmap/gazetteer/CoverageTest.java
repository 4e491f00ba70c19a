package org.conflictmap.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.conflictmap.geoparse.TestGazetteer;
import org.junit.jupiter.api.Test;

/** What news names and the bundled gazetteer must know: issue 3's coverage list. */
class CoverageTest {
  private final Gazetteer g = TestGazetteer.get();

  @Test
  void countriesByTheirCommonNamesAndAbbreviations() {
    for (String name : List.of("United States", "U.S.", "US", "USA", "America")) {
      assertThat(g.lookup(name)).as(name).extracting(Place::key).contains("country:US");
    }
    for (String name : List.of("Britain", "Great Britain", "U.K.", "UK", "United Kingdom")) {
      assertThat(g.lookup(name)).as(name).extracting(Place::key).contains("country:GB");
    }
    assertThat(g.lookup("UAE")).extracting(Place::key).contains("country:AE");
    assertThat(g.lookup("Burma")).extracting(Place::key).contains("country:MM");
    assertThat(g.lookup("DRC")).extracting(Place::key).contains("country:CD");
    assertThat(g.demonym("Palestinians")).map(Place::key).contains("country:PS");
  }

  @Test
  void usStatesAreAreasAtTheirCentreWithTheirApAbbreviations() {
    Place texas = g.byKey("admin1:US.TX").orElseThrow();
    assertThat(texas.precision()).isEqualTo(Precision.REGION);
    // the geographic centre of Texas is near Brady (31.1 N, 99.3 W); Austin, the seat, is 150 km
    // off
    assertThat(km(texas, 31.1, -99.3)).isLessThan(60);
    Place california = g.byKey("admin1:US.CA").orElseThrow();
    assertThat(km(california, 37.2, -119.5)).isLessThan(100);
    assertThat(g.lookup("W.Va.")).extracting(Place::key).contains("admin1:US.WV");
    assertThat(g.lookup("Calif.")).extracting(Place::key).contains("admin1:US.CA");
    assertThat(g.lookup("S.C.")).extracting(Place::key).contains("admin1:US.SC");
    assertThat(g.lookup("Va.")).extracting(Place::key).contains("admin1:US.VA");
    assertThat(g.lookup("D.C.")).extracting(Place::key).contains("admin1:US.DC");
  }

  @Test
  void countriesSitInsideTheirMainland() {
    Place us = g.country("US").orElseThrow();
    // the contiguous states' centre is in Kansas, near 39.8 N, 98.6 W
    assertThat(km(us, 39.8, -98.6)).isLessThan(161);
    Place china = g.country("CN").orElseThrow();
    assertThat(km(china, 35.0, 105.0)).isLessThan(161);
  }

  @Test
  void usCountiesByFullShortAndAbbreviatedName() {
    Place laurel = g.byKey("admin2:US.KY.125").orElseThrow();
    assertThat(laurel.name()).isEqualTo("Laurel County");
    assertThat(laurel.featureCode()).isEqualTo("ADM2");
    assertThat(g.region(laurel)).map(Place::name).contains("Kentucky");
    // London, Kentucky, the county seat, lies inside the county
    assertThat(km(laurel, 37.13, -84.08)).isLessThan(30);
    assertThat(g.lookup("Laurel County")).contains(laurel);
    assertThat(g.lookup("Laurel Co.")).contains(laurel);
    assertThat(g.lookup("Rapides Parish"))
        .extracting(Place::key)
        .containsExactly("admin2:US.LA.079");
  }

  @Test
  void secondLevelRegionsElsewhereArePlacedFromTheirTowns() {
    List<Place> districts =
        g.lookup("Manbij District").stream().filter(p -> "ADM2".equals(p.featureCode())).toList();
    assertThat(districts).isNotEmpty();
    Place manbij = districts.get(0);
    assertThat(manbij.countryCode()).isEqualTo("SY");
    assertThat(km(manbij, 36.53, 37.95)).isLessThan(40); // Manbij town
  }

  @Test
  void continentsSeasAndWorldRegions() {
    assertThat(g.lookup("Europe")).extracting(Place::key).contains("continent:EU");
    assertThat(g.byKey("continent:EU").orElseThrow().geonameId()).isEqualTo(6255148L);
    for (String name : List.of("Middle East", "West Africa", "Gulf", "Mediterranean", "Balkans")) {
      assertThat(g.lookup(name))
          .as(name)
          .anySatisfy(p -> assertThat(p.featureClass()).isIn("L", "H", "T"));
    }
    Place middleEast = g.byKey("region:middle-east").orElseThrow();
    assertThat(middleEast.precision()).isEqualTo(Precision.REGION);
    // a bare "Europe" means the continent, not a town of that name
    assertThat(g.search("Europe", 1).get(0).place().key()).isEqualTo("continent:EU");
  }

  @Test
  void saintFortAndMountAreFoundSpeltOutAndAbbreviated() {
    assertThat(g.lookup("Saint Louis")).extracting(Place::geonameId).contains(4407066L);
    assertThat(g.lookup("St. Louis")).extracting(Place::geonameId).contains(4407066L);
    assertThat(g.lookup("Ft. Worth")).extracting(Place::geonameId).contains(4691930L);
  }

  private static double km(Place p, double lat, double lon) {
    double r = Math.PI / 180;
    double a =
        Math.pow(Math.sin((lat - p.lat()) * r / 2), 2)
            + Math.cos(lat * r)
                * Math.cos(p.lat() * r)
                * Math.pow(Math.sin((lon - p.lon()) * r / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(a));
  }
}
