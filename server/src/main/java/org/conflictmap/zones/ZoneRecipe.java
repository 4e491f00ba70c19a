package org.conflictmap.zones;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Builds a zone outline from data when no official polygon exists: the concave hull of the towns
 * that bound it, widened by a buffer so the towns themselves fall inside, or a strip along a line
 * of towns. Deterministic: the same towns give the same polygon.
 */
public final class ZoneRecipe {
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  private static final double KM_PER_DEGREE_LAT = 110.574;

  private ZoneRecipe() {}

  /**
   * @param lonLats the towns' positions as {lon, lat} pairs, at least three not on one line
   * @param edgeLengthRatio JTS concave-hull parameter: 1 gives the convex hull, smaller follows the
   *     towns closer
   * @param bufferDegrees how far to widen the hull, in degrees
   */
  public static Polygon concaveHull(
      List<double[]> lonLats, double edgeLengthRatio, double bufferDegrees) {
    if (lonLats.size() < 3) {
      throw new IllegalArgumentException(
          "a hull needs at least three towns, got " + lonLats.size());
    }
    Coordinate[] coords =
        lonLats.stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new);
    Geometry hull =
        ConcaveHull.concaveHullByLengthRatio(
            WGS84.createMultiPointFromCoords(coords), edgeLengthRatio);
    Geometry widened =
        TopologyPreservingSimplifier.simplify(hull.buffer(bufferDegrees, 8), bufferDegrees / 20);
    if (!(widened instanceof Polygon polygon) || !polygon.isValid()) {
      throw new IllegalStateException(
          "the towns do not enclose an area: " + widened.getGeometryType());
    }
    Polygon out = (Polygon) ZoneGeometry.rfc7946(polygon);
    out.setSRID(4326);
    return out;
  }

  /**
   * A strip along a line through towns: the line buffered by half of {@code widthKm} on each side
   * with flat ends. The buffer is computed in a local equirectangular projection centred on the
   * towns, so the width is in kilometres whatever the latitude (good to well under 1% over a few
   * hundred kilometres).
   *
   * @param lonLats the towns in order along the line, at least two
   */
  public static Polygon lineBuffer(List<double[]> lonLats, double widthKm) {
    if (lonLats.size() < 2) {
      throw new IllegalArgumentException("a line needs at least two towns, got " + lonLats.size());
    }
    double lat0 = lonLats.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double kmPerLon = KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat0));
    Coordinate[] projected =
        lonLats.stream()
            .map(p -> new Coordinate(p[0] * kmPerLon, p[1] * KM_PER_DEGREE_LAT))
            .toArray(Coordinate[]::new);
    BufferParameters params = new BufferParameters(8, BufferParameters.CAP_FLAT);
    Geometry strip = BufferOp.bufferOp(WGS84.createLineString(projected), widthKm / 2, params);
    Coordinate[] back =
        Arrays.stream(((Polygon) strip).getExteriorRing().getCoordinates())
            .map(c -> new Coordinate(round(c.x / kmPerLon), round(c.y / KM_PER_DEGREE_LAT)))
            .toArray(Coordinate[]::new);
    Polygon out = (Polygon) ZoneGeometry.rfc7946(WGS84.createPolygon(back));
    if (!out.isValid()) {
      throw new IllegalStateException("the line buffer is not a valid polygon");
    }
    out.setSRID(4326);
    return out;
  }

  /** Six decimals (about 10 cm): enough for an approximate outline, and stable across runs. */
  private static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }
}
