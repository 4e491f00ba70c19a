package org.conflictmap.zones;

import java.util.List;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Builds a zone outline from data when no official polygon exists: the concave hull of the towns
 * that bound it, widened by a buffer so the towns themselves fall inside. Deterministic: the same
 * towns give the same polygon.
 */
public final class ZoneRecipe {
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

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
}
