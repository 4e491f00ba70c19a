package org.conflictmap.zones;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Turns a GeoJSON geometry into a valid zone geometry, or says precisely what is wrong with it. */
public final class ZoneGeometry {
  /**
   * Most positions (over all rings) a zone may have; the Idlib zone at full detail has a few
   * thousand.
   */
  public static final int MAX_VERTICES = 100_000;

  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private ZoneGeometry() {}

  /** A geometry ready to store, and the repair it needed, if any. */
  public record Checked(Geometry geometry, Optional<Repair> repair) {}

  /**
   * Parses a GeoJSON Polygon or MultiPolygon into a valid JTS geometry with SRID 4326, exterior
   * rings counter-clockwise (RFC 7946). Throws {@link InputException}, with a {@code location}
   * [lon, lat] where one applies.
   */
  public static Geometry parse(JsonNode json) {
    return check(json).geometry();
  }

  /**
   * As {@link #parse}, and says whether the geometry had to be repaired: an invalid polygon is
   * repaired with JTS GeometryFixer when that keeps its area within 1%, and refused otherwise. A
   * polygon drawn across the antimeridian is split there into a MultiPolygon (RFC 7946 §3.1.9).
   */
  public static Checked check(JsonNode json) {
    if (json == null || json.isMissingNode() || json.isNull()) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Zone has no geometry",
          "A zone needs a geometry of type Polygon or MultiPolygon.");
    }
    if (!json.isObject()) {
      throw malformed(
          "geometry must be a GeoJSON geometry object, not a "
              + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ".");
    }
    JsonNode type = json.get("type");
    if (type == null || !type.isTextual()) {
      throw malformed("geometry.type must be the string \"Polygon\" or \"MultiPolygon\".");
    }
    int[] vertices = {0};
    Geometry g =
        switch (type.asText()) {
          case "Polygon" ->
              polygon(array(json.get("coordinates"), "geometry.coordinates"), "", vertices);
          case "MultiPolygon" ->
              multiPolygon(array(json.get("coordinates"), "geometry.coordinates"), vertices);
          default ->
              throw new InputException(
                  Kind.UNPROCESSABLE,
                  "Unsupported geometry type",
                  "A zone must be a Polygon or MultiPolygon, not a " + type.asText() + ".");
        };
    boolean crosses = Antimeridian.crosses(rings(g));
    if (crosses) {
      g = unwrap(g);
    }
    GeometryRepair.Result r = GeometryRepair.validOrRepaired(g);
    Geometry out = crosses ? Antimeridian.split(r.geometry()) : r.geometry();
    out = rfc7946(out);
    out.setSRID(4326);
    return new Checked(out, r.repair());
  }

  private static List<LinearRing> rings(Geometry g) {
    List<LinearRing> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      out.add(p.getExteriorRing());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        out.add(p.getInteriorRingN(h));
      }
    }
    return out;
  }

  private static Geometry unwrap(Geometry g) {
    if (g instanceof Polygon p) {
      return Antimeridian.unwrap(p);
    }
    Polygon[] parts = new Polygon[g.getNumGeometries()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = Antimeridian.unwrap((Polygon) g.getGeometryN(i));
    }
    return g.getFactory().createMultiPolygon(parts);
  }

  /**
   * The same polygons with exterior rings counter-clockwise and holes clockwise, as RFC 7946 asks.
   */
  public static Geometry rfc7946(Geometry g) {
    if (g instanceof Polygon p) {
      return orient(p);
    }
    if (g instanceof MultiPolygon mp) {
      Polygon[] parts = new Polygon[mp.getNumGeometries()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = orient((Polygon) mp.getGeometryN(i));
      }
      return mp.getFactory().createMultiPolygon(parts);
    }
    return g;
  }

  private static Polygon orient(Polygon p) {
    LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = orient(p.getInteriorRingN(i), false);
    }
    return p.getFactory().createPolygon(orient(p.getExteriorRing(), true), holes);
  }

  private static LinearRing orient(LinearRing ring, boolean counterClockwise) {
    return Orientation.isCCW(ring.getCoordinateSequence()) == counterClockwise
        ? ring
        : ring.reverse();
  }

  private static Geometry multiPolygon(JsonNode coords, int[] vertices) {
    if (coords.isEmpty()) {
      throw new InputException(
          Kind.UNPROCESSABLE, "Empty geometry", "The MultiPolygon has no polygons.");
    }
    Polygon[] parts = new Polygon[coords.size()];
    for (int i = 0; i < parts.length; i++) {
      String path = "geometry.coordinates[" + i + "]";
      parts[i] = polygon(array(coords.get(i), path), "polygon " + (i + 1) + ", ", vertices);
    }
    return WGS84.createMultiPolygon(parts);
  }

  /**
   * @param where names the polygon inside a MultiPolygon ("polygon 2, "), empty for a lone Polygon
   */
  private static Polygon polygon(JsonNode rings, String where, int[] vertices) {
    if (rings.isEmpty()) {
      throw new InputException(
          Kind.UNPROCESSABLE, "Empty polygon", capitalise(where + "the polygon has no rings."));
    }
    LinearRing[] parsed = new LinearRing[rings.size()];
    for (int r = 0; r < parsed.length; r++) {
      parsed[r] = ring(rings.get(r), where + "ring " + (r + 1), vertices);
    }
    return WGS84.createPolygon(parsed[0], java.util.Arrays.copyOfRange(parsed, 1, parsed.length));
  }

  private static LinearRing ring(JsonNode json, String name, int[] vertices) {
    JsonNode positions = array(json, "coordinates of " + name);
    vertices[0] += positions.size();
    if (vertices[0] > MAX_VERTICES) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Geometry too detailed",
          "A zone may have at most "
              + MAX_VERTICES
              + " positions in all; simplify the geometry first.");
    }
    Coordinate[] cs = new Coordinate[positions.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = position(positions.get(i), name, i + 1);
    }
    if (cs.length < 4) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Ring too short",
          capitalise(name)
              + " has "
              + cs.length
              + " positions; a ring needs at least 4 (three corners and the first repeated at the end).");
    }
    Coordinate first = cs[0];
    Coordinate last = cs[cs.length - 1];
    if (!first.equals2D(last)) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Ring not closed",
          capitalise(name)
              + " is not closed: its last position "
              + pair(last)
              + " must repeat its first "
              + pair(first)
              + ".",
          location(last));
    }
    return WGS84.createLinearRing(cs);
  }

  private static Coordinate position(JsonNode p, String ring, int index) {
    String name = "position " + index + " of " + ring;
    if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw malformed(capitalise(name) + " must be an array of two numbers [longitude, latitude].");
    }
    double lon = p.get(0).doubleValue();
    double lat = p.get(1).doubleValue();
    if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Coordinate out of range",
          capitalise(name)
              + " is "
              + pair(lon, lat)
              + ": longitude must be within [-180, 180] and latitude within [-90, 90]"
              + " (GeoJSON puts longitude first).",
          Map.of("location", List.of(lon, lat)));
    }
    return new Coordinate(lon, lat);
  }

  private static JsonNode array(JsonNode node, String name) {
    if (node == null || !node.isArray()) {
      throw malformed("Expected an array for " + name + ".");
    }
    return node;
  }

  private static Map<String, Object> location(Coordinate c) {
    return Map.of("location", List.of(c.x, c.y));
  }

  private static String pair(Coordinate c) {
    return pair(c.x, c.y);
  }

  private static String pair(double lon, double lat) {
    return "[" + lon + ", " + lat + "]";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static InputException malformed(String detail) {
    return new InputException(Kind.MALFORMED, "Malformed geometry", detail);
  }
}
