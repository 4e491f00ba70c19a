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
  void britishAndIrishCountiesByTheNamesNewsUses() {
    // ceremonial counties GeoNames splits into unitary authorities, near their middle
    assertThat(g.lookup("Berkshire"))
        .anySatisfy(p -> assertThat(km(p, 51.45, -1.1)).isLessThan(40));
    assertThat(g.lookup("Cheshire")).anySatisfy(p -> assertThat(km(p, 53.2, -2.5)).isLessThan(40));
    // Northern Ireland's six counties, the Irish and Welsh counties GeoNames names otherwise
    assertThat(g.lookup("County Tyrone"))
        .anySatisfy(p -> assertThat(km(p, 54.6, -7.1)).isLessThan(40));
    assertThat(g.lookup("Offaly")).extracting(Place::key).contains("admin2:IE.L.23");
    assertThat(g.lookup("Co. Offaly")).extracting(Place::key).contains("admin2:IE.L.23");
    assertThat(g.lookup("County Clare")).extracting(Place::key).contains("admin2:IE.M.03");
    assertThat(g.lookup("Powys")).extracting(Place::key).contains("admin2:GB.WLS.Y8");
    // "Tyrone" alone is a given name, "Down" a word: only "County X" names those two
    assertThat(g.lookup("Tyrone")).noneMatch(p -> p.countryCode().equals("GB"));
    assertThat(g.lookup("Down")).noneMatch(p -> p.countryCode().equals("GB"));
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

  @Test
  void regionsWithoutBordersSitInTheirShareOfTheCountry() {
    // towns crowd the south of Canada's provinces; the region is still placed near its middle
    Place bc = g.byKey("admin1:CA.02").orElseThrow();
    assertThat(km(bc, 54.0, -125.0)).isLessThan(200);
    Place ontario = g.byKey("admin1:CA.08").orElseThrow();
    assertThat(km(ontario, 50.0, -86.0)).isLessThan(150);
    assertThat(g.lookup("B.C.")).extracting(Place::key).contains("admin1:CA.02");
    assertThat(g.lookup("NSW")).extracting(Place::key).contains("admin1:AU.02");
    assertThat(g.lookup("Borno State")).anySatisfy(p -> assertThat(p.name()).startsWith("Borno"));
    assertThat(g.lookup("Ceredigion")).extracting(Place::featureCode).contains("ADM2");
  }

  @Test
  void airportsByTheNameNewsUses() {
    Place heathrow = g.lookup("Heathrow Airport").get(0);
    assertThat(heathrow.featureCode()).isEqualTo("AIRP");
    assertThat(km(heathrow, 51.47, -0.45)).isLessThan(5);
    assertThat(g.lookup("Heathrow")).contains(heathrow);
    assertThat(g.lookup("Schiphol")).extracting(Place::featureCode).contains("AIRP");
    // a name that starts with its town names the town: no airport answers to it
    assertThat(g.lookup("Vancouver International Airport")).isEmpty();
  }

  @Test
  void riversIslandsAndConflictAreas() {
    Place euphrates = g.lookup("Euphrates").get(0);
    assertThat(euphrates.featureCode()).isEqualTo("STM");
    assertThat(km(euphrates, 35.3, 40.1)).isLessThan(150); // mid-course, near Deir ez-Zor
    assertThat(km(g.lookup("Eastern Ghouta").get(0), 33.55, 36.45)).isLessThan(30);
    assertThat(g.lookup("Nagorno-Karabakh")).isNotEmpty();
    assertThat(g.lookup("Oahu")).extracting(Place::featureClass).contains("T");
  }

  @Test
  void aFormerStateIsAnAreaAndLeavesTheCountryAlone() {
    Place ussr = g.lookup("Soviet Union").get(0);
    assertThat(ussr.precision()).isEqualTo(Precision.REGION);
    assertThat(g.country("RU").map(Place::key)).contains("country:RU");
    assertThat(g.demonym("Soviet")).contains(ussr);
  }

  @Test
  void peoplesOfARegionNameTheRegion() {
    assertThat(g.demonym("Kurdish").map(Place::key)).contains("region:kurdistan");
    assertThat(g.demonym("Kurds").map(Place::key)).contains("region:kurdistan");
    assertThat(g.demonym("Chechen").map(Place::featureCode)).contains("ADM1");
    // a country keeps its own people's name
    assertThat(g.demonym("Syrian").map(Place::key)).contains("country:SY");
  }

  @Test
  void namesAreTheOnesNewsWritesNotBorrowedOnes() {
    // Arabic names without the article: "Qamishli" for Al Qamishli
    assertThat(g.lookup("Qamishli")).extracting(Place::geonameId).contains(173377L);
    // "Tunis" is the capital, not also a name of Tunisia
    assertThat(g.lookup("Tunis")).extracting(Place::key).doesNotContain("country:TN");
    // Mexico, Missouri, does not answer to "New Mexico"
    assertThat(g.lookup("New Mexico")).extracting(Place::geonameId).doesNotContain(4398103L);
    assertThat(g.lookup("New Mexico")).extracting(Place::key).contains("admin1:US.NM");
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
