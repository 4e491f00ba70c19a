package org.conflictmap.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.geoparse.TestGazetteer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Approximate outlines of regions and countries, drawn around the gazetteer's towns. */
class RegionOutlinesTest {
  private final Gazetteer g = TestGazetteer.get();
  private final GeometryFactory gf = new GeometryFactory();

  @Test
  void anOutlineHoldsEveryTownOfItsArea() {
    RegionOutlines.Outline idlib = new RegionOutlines(g).outline("admin1:SY.12").orElseThrow();
    assertThat(idlib.place().name()).isEqualTo("Idlib");
    assertThat(outside(idlib.polygon(), townsOf("SY", "12"))).isEmpty();
  }

  @Test
  void aCountryWithMoreTownsThanAHullTakesIsThinnedYetHoldsThemAll() {
    List<Place> us = townsOf("US", null);
    assertThat(us).hasSizeGreaterThan(10_000);

    RegionOutlines.Outline thinned =
        new RegionOutlines(g, 1_000).outline("country:US").orElseThrow();

    assertThat(thinned.towns()).as("counted from every town").isEqualTo(us.size());
    assertThat(outside(thinned.polygon(), us)).isEmpty();
    // still an outline of the country, not of the world: Madrid and Mexico City lie outside
    assertThat(thinned.polygon().contains(gf.createPoint(new Coordinate(-3.7, 40.4)))).isFalse();
    assertThat(thinned.polygon().contains(gf.createPoint(new Coordinate(-99.13, 19.43)))).isFalse();
  }

  @Test
  void townsAndUnknownKeysHaveNoOutline() {
    RegionOutlines outlines = new RegionOutlines(g);
    assertThat(outlines.outline("170063")).isEmpty(); // Aleppo, a town
    assertThat(outlines.outline("admin1:XX.99")).isEmpty();
  }

  private List<Place> townsOf(String country, String admin1) {
    return g.places().stream()
        .filter(p -> p.precision() == Precision.TOWN && p.countryCode().equals(country))
        .filter(p -> admin1 == null || admin1.equals(p.admin1()))
        .toList();
  }

  private List<String> outside(Polygon polygon, List<Place> towns) {
    return towns.stream()
        .filter(p -> !polygon.covers(gf.createPoint(new Coordinate(p.lon(), p.lat()))))
        .map(p -> p.name() + " " + p.lat() + "," + p.lon())
        .toList();
  }
}
