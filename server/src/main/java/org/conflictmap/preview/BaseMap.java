package org.conflictmap.preview;

import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The bundled Natural Earth country borders as polygons in an R-tree, so a preview draws only the
 * countries in its view. Read once per JVM: it is immutable.
 */
public final class BaseMap {
  static final String RESOURCE = "/geodata/countries.geojson.gz";
  private static volatile BaseMap bundled;
  private final STRtree index = new STRtree();
  private final int size;

  private BaseMap(List<Polygon> polygons) {
    // projected once here; a frame then only scales and shifts them
    polygons.forEach(
        p ->
            index.insert(
                p.getEnvelopeInternal(), new Outline(p.getEnvelopeInternal(), worldPath(p))));
    index.build();
    size = polygons.size();
  }

  /** The borders that ship in the jar. */
  public static BaseMap bundled() {
    BaseMap b = bundled;
    if (b == null) {
      synchronized (BaseMap.class) {
        b = bundled;
        if (b == null) {
          bundled = b = load();
        }
      }
    }
    return b;
  }

  private static BaseMap load() {
    try (InputStream in = BaseMap.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled borders " + RESOURCE + " are missing");
      }
      String json = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
      Geometry all = new GeoJsonReader().read(json);
      List<Polygon> polygons = new ArrayList<>();
      collect(all, polygons);
      return new BaseMap(polygons);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("the bundled borders are not GeoJSON", e);
    }
  }

  private static void collect(Geometry g, List<Polygon> out) {
    if (g instanceof Polygon p) {
      out.add(p);
    } else if (g instanceof GeometryCollection c) {
      for (int i = 0; i < c.getNumGeometries(); i++) {
        collect(c.getGeometryN(i), out);
      }
    }
  }

  /** A country polygon: its extent in degrees and its outline in world pixels at zoom 0. */
  record Outline(Envelope lonLat, Path2D.Double world) {}

  /** Outlines whose bounding box meets the envelope, in a stable order. */
  @SuppressWarnings("unchecked")
  List<Outline> outlinesIn(Envelope view) {
    List<Outline> found = new ArrayList<>(index.query(view));
    // the R-tree's order is an implementation detail; drawing order must not depend on it
    found.sort(
        Comparator.comparingDouble((Outline o) -> o.lonLat().getMinX())
            .thenComparingDouble(o -> o.lonLat().getMinY())
            .thenComparingDouble(o -> o.lonLat().getMaxX())
            .thenComparingDouble(o -> o.lonLat().getMaxY()));
    return found;
  }

  /** A polygon in Web Mercator world pixels at zoom 0, holes included (even-odd filling). */
  static Path2D.Double worldPath(Polygon poly) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    ring(path, poly.getExteriorRing());
    for (int i = 0; i < poly.getNumInteriorRing(); i++) {
      ring(path, poly.getInteriorRingN(i));
    }
    return path;
  }

  private static void ring(Path2D.Double path, LineString ring) {
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      double lat = Math.max(-Projection.MAX_LAT, Math.min(Projection.MAX_LAT, cs[i].y));
      double x = Projection.worldX(cs[i].x, 0);
      double y = Projection.worldY(lat, 0);
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
  }

  public int polygonCount() {
    return size;
  }
}
