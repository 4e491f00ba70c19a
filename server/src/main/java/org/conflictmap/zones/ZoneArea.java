package org.conflictmap.zones;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Areas of lon/lat polygons on the sphere, for densities (events per 1000 km²). */
public final class ZoneArea {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  private ZoneArea() {}

  /** The area in km², by the spherical-excess formula per ring (holes subtracted). */
  public static double squareKilometres(Geometry g) {
    double sum = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p) {
        sum += ring(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          sum -= ring(p.getInteriorRingN(h));
        }
      }
    }
    return sum;
  }

  private static double ring(LineString ring) {
    Coordinate[] cs = ring.getCoordinates();
    double total = 0;
    for (int i = 0; i < cs.length - 1; i++) {
      double l1 = Math.toRadians(cs[i].x);
      double l2 = Math.toRadians(cs[i + 1].x);
      double p1 = Math.toRadians(cs[i].y);
      double p2 = Math.toRadians(cs[i + 1].y);
      total += (l2 - l1) * (2 + Math.sin(p1) + Math.sin(p2));
    }
    return Math.abs(total * EARTH_RADIUS_KM * EARTH_RADIUS_KM / 2);
  }
}
