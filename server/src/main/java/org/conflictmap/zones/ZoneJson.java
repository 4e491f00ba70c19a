package org.conflictmap.zones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Zones as GeoJSON Features: reads and checks what clients send, writes what they get. */
public final class ZoneJson {
  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 5000;

  static final Set<String> PROPERTIES =
      Set.of("name", "kind", "description", "style", "valid_from", "valid_to");

  /** Written by {@link #toFeature}; tolerated on input so a client can PUT back what it got. */
  static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at");

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private ZoneJson() {}

  /**
   * Reads and validates a GeoJSON Feature into a draft; throws {@link InputException} saying what
   * to fix.
   */
  public static ZoneDraft fromFeature(JsonNode body) {
    if (body == null
        || body.isMissingNode()
        || body.isNull()
        || (body.isContainerNode() && body.isEmpty())) {
      throw malformed(
          "Empty body",
          "Send a GeoJSON Feature with a Polygon or MultiPolygon geometry and properties.");
    }
    String type = body.path("type").asText("");
    if (!body.isObject() || !"Feature".equals(type)) {
      String hint =
          type.equals("Polygon") || type.equals("MultiPolygon")
              ? "Wrap the geometry: {\"type\": \"Feature\", \"geometry\": {...}, \"properties\": {\"name\": ...}}."
              : "The body must be a single GeoJSON Feature (\"type\": \"Feature\").";
      throw malformed("Not a GeoJSON Feature", hint);
    }
    JsonNode props = body.get("properties");
    if (props == null || !props.isObject()) {
      throw malformed(
          "Missing properties",
          "The Feature needs a properties object with at least name and valid_from.");
    }
    rejectUnknown(props);
    String name = requiredText(props, "name").strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Invalid name",
          "name must be between 1 and "
              + MAX_NAME
              + " characters (not counting surrounding spaces).");
    }
    ZoneKind kind = kind(props);
    String description = optionalText(props, "description");
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Description too long",
          "description has "
              + description.length()
              + " characters; at most "
              + MAX_DESCRIPTION
              + " are kept.");
    }
    Map<String, Object> style = ZoneStyle.parse(props.get("style"));
    LocalDate validFrom = date(props, "valid_from");
    if (validFrom == null) {
      throw malformed(
          "Missing valid_from",
          "valid_from is required: the date (YYYY-MM-DD) the zone came into force.");
    }
    LocalDate validTo = date(props, "valid_to");
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "valid_to before valid_from",
          "valid_to ("
              + validTo
              + ") is before valid_from ("
              + validFrom
              + "); leave valid_to out if the zone is still in force.");
    }
    ZoneGeometry.Checked geometry = ZoneGeometry.check(body.get("geometry"));
    return new ZoneDraft(
        name, kind, description, style, validFrom, validTo, geometry.geometry(), geometry.repair());
  }

  /** The zone as a GeoJSON Feature; its id appears both as the Feature id and in properties. */
  public static ObjectNode toFeature(Zone z, ObjectMapper m) {
    ObjectNode f = m.createObjectNode();
    f.put("type", "Feature");
    f.put("id", z.id());
    f.set("geometry", geometry(ZoneGeometry.rfc7946(z.geometry()), m));
    ObjectNode p = f.putObject("properties");
    p.put("id", z.id());
    p.put("name", z.name());
    p.put("kind", (z.kind() == null ? ZoneKind.OTHER : z.kind()).wire());
    p.put("description", z.description());
    p.set("style", m.valueToTree(z.style() == null ? Map.of() : z.style()));
    p.put("valid_from", z.validFrom() == null ? null : z.validFrom().toString());
    p.put("valid_to", z.validTo() == null ? null : z.validTo().toString());
    p.put("created_at", z.createdAt() == null ? null : z.createdAt().toString());
    p.put("updated_at", z.updatedAt() == null ? null : z.updatedAt().toString());
    return f;
  }

  /** A repair as the API reports it: reason, location, area change and a sentence. */
  public static Map<String, Object> repair(Repair r) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("reason", r.reason());
    if (!r.location().isEmpty()) {
      out.put("location", r.location());
    }
    out.put("area_change_percent", r.areaChangePercent());
    out.put("detail", r.summary());
    return out;
  }

  /** The zones as a GeoJSON FeatureCollection. */
  public static ObjectNode toFeatureCollection(List<Zone> zones, ObjectMapper m) {
    ObjectNode fc = m.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    zones.forEach(z -> features.add(toFeature(z, m)));
    return fc;
  }

  /** Polygon or MultiPolygon as RFC 7946 GeoJSON: [lon, lat] positions, no crs member. */
  static ObjectNode geometry(Geometry g, ObjectMapper m) {
    ObjectNode out = m.createObjectNode();
    if (g instanceof Polygon p) {
      out.put("type", "Polygon");
      rings(p, out.putArray("coordinates"));
    } else {
      out.put("type", "MultiPolygon");
      ArrayNode polygons = out.putArray("coordinates");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        rings((Polygon) g.getGeometryN(i), polygons.addArray());
      }
    }
    return out;
  }

  private static void rings(Polygon p, ArrayNode out) {
    positions(p.getExteriorRing(), out.addArray());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      positions(p.getInteriorRingN(i), out.addArray());
    }
  }

  private static void positions(LineString ring, ArrayNode out) {
    for (Coordinate c : ring.getCoordinates()) {
      out.addArray().add(c.x).add(c.y);
    }
  }

  private static void rejectUnknown(JsonNode props) {
    Set<String> unknown = new TreeSet<>();
    props
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!PROPERTIES.contains(k) && !READ_ONLY.contains(k)) {
                unknown.add(k);
              }
            });
    if (!unknown.isEmpty()) {
      throw new InputException(
          Kind.MALFORMED,
          "Unknown properties",
          "Unknown properties: "
              + String.join(", ", unknown)
              + ". A zone has "
              + String.join(", ", new TreeSet<>(PROPERTIES))
              + ".",
          Map.of("fields", List.copyOf(unknown)));
    }
  }

  private static ZoneKind kind(JsonNode props) {
    String wire = optionalText(props, "kind");
    if (wire == null) {
      return ZoneKind.OTHER;
    }
    return ZoneKind.fromWire(wire)
        .orElseThrow(
            () ->
                new InputException(
                    Kind.UNPROCESSABLE,
                    "Unknown zone kind",
                    "kind \""
                        + wire
                        + "\" is not one of "
                        + String.join(
                            ", ",
                            java.util.Arrays.stream(ZoneKind.values()).map(ZoneKind::wire).toList())
                        + "."));
  }

  private static String requiredText(JsonNode props, String field) {
    String s = optionalText(props, field);
    if (s == null) {
      throw malformed("Missing " + field, field + " is required.");
    }
    return s;
  }

  /**
   * The string value of a property, null when absent or JSON null; MALFORMED for any other type.
   */
  private static String optionalText(JsonNode props, String field) {
    JsonNode v = props.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw malformed(
          "Wrong type for " + field, field + " must be a string, not " + typeName(v) + ".");
    }
    return v.asText();
  }

  private static LocalDate date(JsonNode props, String field) {
    String s = optionalText(props, field);
    if (s == null) {
      return null;
    }
    try {
      if (ISO_DATE.matcher(s).matches()) {
        return LocalDate.parse(s);
      }
    } catch (DateTimeParseException e) {
      // falls through to the same message: 2024-02-30 is as wrong as 30/02/2024
    }
    throw malformed(
        "Invalid " + field,
        field + " is \"" + s + "\"; it must be a calendar date written YYYY-MM-DD.");
  }

  private static String typeName(JsonNode v) {
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static InputException malformed(String title, String detail) {
    return new InputException(Kind.MALFORMED, title, detail);
  }
}
