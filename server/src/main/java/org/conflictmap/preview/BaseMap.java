package org.conflictmap.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
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
    polygons.forEach(p -> index.insert(p.getEnvelopeInternal(), p));
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

  /** Polygons whose bounding box meets the envelope, in a stable order. */
  @SuppressWarnings("unchecked")
  List<Polygon> polygonsIn(org.locationtech.jts.geom.Envelope view) {
    List<Polygon> found = new ArrayList<>(index.query(view));
    // the R-tree's order is an implementation detail; drawing order must not depend on it
    found.sort(
        (a, b) -> {
          int c =
              Double.compare(a.getEnvelopeInternal().getMinX(), b.getEnvelopeInternal().getMinX());
          return c != 0
              ? c
              : Double.compare(
                  a.getEnvelopeInternal().getMinY(), b.getEnvelopeInternal().getMinY());
        });
    return found;
  }

  public int polygonCount() {
    return size;
  }
}
