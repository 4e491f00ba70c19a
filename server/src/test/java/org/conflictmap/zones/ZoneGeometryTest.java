package org.conflictmap.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class ZoneGeometryTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }

  private static InputException refusal(String geometry) throws Exception {
    JsonNode g = json(geometry);
    return catchThrowableOfType(InputException.class, () -> ZoneGeometry.parse(g));
  }

  @Test
  void acceptsAPolygonAndOrientsItCounterClockwise() throws Exception {
    // given clockwise
    Geometry g =
        ZoneGeometry.parse(
            json("{'type':'Polygon','coordinates':[[[36,35],[36,36],[37,36],[37,35],[36,35]]]}"));
    assertThat(g).isInstanceOf(Polygon.class);
    assertThat(g.getSRID()).isEqualTo(4326);
    assertThat(g.isValid()).isTrue();
    Polygon p = (Polygon) g;
    assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())).isTrue();
    assertThat(g.getArea()).isEqualTo(1.0);
  }

  @Test
  void holesAreClockwise() throws Exception {
    Polygon p =
        (Polygon)
            ZoneGeometry.parse(
                json(
                    "{'type':'Polygon','coordinates':["
                        + "[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[8,2],[8,8],[2,8],[2,2]]]}"));
    assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())).isTrue();
    assertThat(Orientation.isCCW(p.getInteriorRingN(0).getCoordinateSequence())).isFalse();
  }

  @Test
  void acceptsAMultiPolygonAndIgnoresAltitude() throws Exception {
    Geometry g =
        ZoneGeometry.parse(
            json(
                "{'type':'MultiPolygon','coordinates':["
                    + "[[[0,0,5],[1,0,5],[1,1,5],[0,1,5],[0,0,5]]],[[[2,2],[3,2],[3,3],[2,3],[2,2]]]]}"));
    assertThat(g).isInstanceOf(MultiPolygon.class);
    assertThat(g.getNumGeometries()).isEqualTo(2);
  }

  @Test
  void refusesOtherGeometryTypesByName() throws Exception {
    InputException e = refusal("{'type':'Point','coordinates':[36.6,35.9]}");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.detail()).contains("Point").contains("Polygon or MultiPolygon");
  }

  @Test
  void refusesAMissingGeometry() {
    InputException e = catchThrowableOfType(InputException.class, () -> ZoneGeometry.parse(null));
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.title()).contains("no geometry");
  }

  @Test
  void refusesNonNumericCoordinatesAsMalformed() throws Exception {
    InputException e = refusal("{'type':'Polygon','coordinates':[[[0,0],[1,'x'],[1,1],[0,0]]]}");
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(e.detail()).contains("Position 2 of ring 1");
    assertThat(refusal("{'type':'Polygon','coordinates':'nope'}").kind()).isEqualTo(Kind.MALFORMED);
    assertThat(refusal("{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],0]]}").kind())
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void refusesOutOfRangeCoordinatesWithTheirLocation() throws Exception {
    // latitude first by mistake: 95 is not a latitude
    InputException e =
        refusal("{'type':'Polygon','coordinates':[[[36,35],[37,35],[37,95],[36,35]]]}");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.detail())
        .contains("Position 3 of ring 1")
        .contains("[37.0, 95.0]")
        .contains("latitude");
    assertThat(e.extensions()).containsEntry("location", List.of(37.0, 95.0));
    assertThat(refusal("{'type':'Polygon','coordinates':[[[-181,0],[1,0],[1,1],[-181,0]]]}").kind())
        .isEqualTo(Kind.UNPROCESSABLE);
  }

  @Test
  void refusesAnUnclosedRing() throws Exception {
    InputException e =
        refusal("{'type':'Polygon','coordinates':[[[36,35],[37,35],[37,36],[36,36]]]}");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.detail()).contains("Ring 1 is not closed");
    assertThat(e.extensions()).containsEntry("location", List.of(36.0, 36.0));
  }

  @Test
  void namesThePolygonOfAMultiPolygon() throws Exception {
    InputException e =
        refusal(
            "{'type':'MultiPolygon','coordinates':[[[[0,0],[1,0],[1,1],[0,0]]],"
                + "[[[2,2],[3,2],[3,3],[2,3],[2,2]],[[2.2,2.2],[2.8,2.2],[2.8,2.8],[2.2,2.3]]]]}");
    assertThat(e.detail()).contains("Polygon 2, ring 2 is not closed");
  }

  @Test
  void refusesShortRings() throws Exception {
    InputException e = refusal("{'type':'Polygon','coordinates':[[[0,0],[1,0],[0,0]]]}");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.detail()).contains("at least 4");
  }

  @Test
  void refusesEmptyPolygons() throws Exception {
    assertThat(refusal("{'type':'Polygon','coordinates':[]}").kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(refusal("{'type':'MultiPolygon','coordinates':[]}").kind())
        .isEqualTo(Kind.UNPROCESSABLE);
  }

  @Test
  void refusesASelfIntersectingBowtieWithTheCrossingPoint() throws Exception {
    InputException e =
        refusal("{'type':'Polygon','coordinates':[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.title()).contains("Self-intersection");
    assertThat(e.extensions()).containsEntry("location", List.of(1.0, 1.0));
  }

  @Test
  void refusesOverlappingPartsOfAMultiPolygon() throws Exception {
    InputException e =
        refusal(
            "{'type':'MultiPolygon','coordinates':[[[[0,0],[2,0],[2,2],[0,2],[0,0]]],"
                + "[[[1,1],[3,1],[3,3],[1,3],[1,1]]]]}");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.extensions()).containsKey("location");
  }

  @Test
  void refusesTooManyVertices() throws Exception {
    StringBuilder ring = new StringBuilder("[");
    int n = ZoneGeometry.MAX_VERTICES + 1;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / (n - 1);
      ring.append(i == 0 ? "" : ",")
          .append('[')
          .append(Math.cos(a))
          .append(',')
          .append(Math.sin(a))
          .append(']');
    }
    InputException e = refusal("{'type':'Polygon','coordinates':[" + ring + "]]}");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.detail()).contains("100000");
  }
}
