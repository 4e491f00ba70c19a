package org.conflictmap.zones;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * RFC 7946 §3.1.9: a geometry that crosses the antimeridian is cut in two there. A client that
 * draws across it (a ring going from 179° to -179°) means the short way round, so such a ring is
 * read with its western longitudes moved past 180°, and the polygon is then split at 180° into a
 * MultiPolygon whose parts lie within [-180, 180].
 */
final class Antimeridian {
  private Antimeridian() {}

  /** True when some edge of some ring jumps more than 180° in longitude. */
  static boolean crosses(List<LinearRing> rings) {
    for (LinearRing r : rings) {
      Coordinate[] cs = r.getCoordinates();
      for (int i = 1; i < cs.length; i++) {
        if (Math.abs(cs[i].x - cs[i - 1].x) > 180) {
          return true;
        }
      }
    }
    return false;
  }

  /** The polygon with negative longitudes moved by +360, so it runs continuously past 180°. */
  static Polygon unwrap(Polygon p) {
    GeometryFactory f = p.getFactory();
    LinearRing shell = unwrap(p.getExteriorRing(), f);
    LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = unwrap(p.getInteriorRingN(i), f);
    }
    return f.createPolygon(shell, holes);
  }

  private static LinearRing unwrap(LinearRing r, GeometryFactory f) {
    Coordinate[] cs = r.getCoordinates();
    Coordinate[] out = new Coordinate[cs.length];
    for (int i = 0; i < cs.length; i++) {
      out[i] = new Coordinate(cs[i].x < 0 ? cs[i].x + 360 : cs[i].x, cs[i].y);
    }
    return f.createLinearRing(out);
  }

  /**
   * Cuts a geometry lying within [0, 540] at 180° and brings the eastern part back to [-180, 0].
   */
  static Geometry split(Geometry unwrapped) {
    GeometryFactory f = unwrapped.getFactory();
    Geometry west = unwrapped.intersection(f.toGeometry(new Envelope(0, 180, -90, 90)));
    Geometry east = unwrapped.intersection(f.toGeometry(new Envelope(180, 360, -90, 90)));
    east = AffineTransformation.translationInstance(-360, 0).transform(east);
    List<Polygon> parts = new ArrayList<>();
    for (Geometry side : List.of(west, east)) {
      for (Object o : PolygonExtracter.getPolygons(side)) {
        if (!((Polygon) o).isEmpty()) {
          parts.add((Polygon) o);
        }
      }
    }
    Geometry out =
        parts.size() == 1 ? parts.get(0) : f.createMultiPolygon(parts.toArray(Polygon[]::new));
    out.setSRID(unwrapped.getSRID());
    return out;
  }

  /** A longitude brought back into [-180, 180]. */
  static double wrap(double lon) {
    return lon > 180 ? lon - 360 : lon;
  }
}
