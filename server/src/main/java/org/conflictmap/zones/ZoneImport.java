package org.conflictmap.zones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;

/**
 * Reads a file of zones (GeoJSON: a geometry, a Feature or a FeatureCollection; or KML) into
 * checked drafts, one report line per feature. An import is all or nothing: {@link #plan} throws,
 * with every feature's verdict, if any one of them is refused.
 *
 * <p>Properties other than a zone's own (name, kind, description, style, valid_from, valid_to) are
 * not an error here, unlike in {@code POST /api/zones}: files from other tools carry their own
 * attributes. They are ignored and listed in the report, so nothing is dropped silently.
 */
public final class ZoneImport {
  /** Largest file accepted, in bytes. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Most features one file may hold. */
  public static final int MAX_FEATURES = 1000;

  private ZoneImport() {}

  /** The format of a file. */
  public enum Format {
    GEOJSON,
    KML;

    /** From a file name or media type; empty when neither says. */
    public static Optional<Format> guess(String nameOrType) {
      String s = nameOrType == null ? "" : nameOrType.toLowerCase(Locale.ROOT);
      if (s.endsWith(".kml") || s.contains("kml") || s.contains("xml")) {
        return Optional.of(KML);
      }
      if (s.endsWith(".geojson") || s.endsWith(".json") || s.contains("json")) {
        return Optional.of(GEOJSON);
      }
      return Optional.empty();
    }
  }

  /** One feature of the file and what the import makes of it. */
  public record Item(
      int index,
      String name,
      Optional<ZoneDraft> draft,
      List<String> ignoredProperties,
      Optional<InputException> error) {}

  /**
   * Every feature of the file as a checked draft; throws if the file cannot be read at all, or
   * (with a per-feature report in the problem's {@code features}) if any feature is refused.
   *
   * @param defaultValidFrom used for features that give no valid_from
   */
  public static List<Item> plan(
      byte[] file, Format format, Optional<LocalDate> defaultValidFrom, ObjectMapper json) {
    if (file.length > MAX_BYTES) {
      throw tooLarge(file.length);
    }
    if (file.length == 0) {
      throw new InputException(Kind.MALFORMED, "Empty file", "the file to import is empty");
    }
    List<JsonNode> features =
        format == Format.KML ? KmlReader.features(file, json) : geojsonFeatures(file, json);
    if (features.isEmpty()) {
      throw new InputException(
          Kind.UNPROCESSABLE, "No zones in the file", "the file holds no features to import");
    }
    if (features.size() > MAX_FEATURES) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Too many features",
          "the file holds "
              + features.size()
              + " features; at most "
              + MAX_FEATURES
              + " per import");
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      items.add(item(i, features.get(i), defaultValidFrom, json));
    }
    long refused = items.stream().filter(it -> it.error().isPresent()).count();
    if (refused > 0) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Import refused",
          refused
              + " of "
              + items.size()
              + " feature(s) cannot be imported, so none was: see features for each one's reason",
          Map.of("features", report(items, List.of())));
    }
    return items;
  }

  /**
   * The per-feature report: index, name, status (imported or refused), id, repair, ignored
   * properties, error.
   *
   * @param ids the stored ids in order, when the import went through; empty otherwise
   */
  public static List<Map<String, Object>> report(List<Item> items, List<Long> ids) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Item it : items) {
      Map<String, Object> line = new java.util.LinkedHashMap<>();
      line.put("index", it.index());
      line.put("name", it.name());
      if (it.error().isPresent()) {
        InputException e = it.error().get();
        line.put("status", "refused");
        line.put("title", e.title());
        line.put("detail", e.detail());
        line.putAll(e.extensions());
      } else {
        line.put("status", ids.isEmpty() ? "valid" : "imported");
        if (!ids.isEmpty()) {
          line.put("id", ids.get(it.index()));
        }
        it.draft().flatMap(ZoneDraft::repair).ifPresent(r -> line.put("repaired", r.summary()));
      }
      if (!it.ignoredProperties().isEmpty()) {
        line.put("ignored_properties", it.ignoredProperties());
      }
      out.add(line);
    }
    return out;
  }

  private static Item item(
      int index, JsonNode feature, Optional<LocalDate> defaultValidFrom, ObjectMapper json) {
    String fallbackName = "Imported zone " + (index + 1);
    if (!feature.isObject()) {
      return refused(index, fallbackName, List.of(), notAFeature());
    }
    ObjectNode f = feature.deepCopy();
    JsonNode given = f.get("properties");
    ObjectNode props =
        given != null && given.isObject() ? (ObjectNode) given : json.createObjectNode();
    f.set("properties", props);
    List<String> ignored = new ArrayList<>();
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ZoneJson.PROPERTIES.contains(k)) {
        ignored.add(k);
      }
    }
    props.remove(ignored);
    ignored = List.copyOf(new TreeSet<>(ignored));
    if (!props.path("name").isTextual() || props.path("name").asText().isBlank()) {
      props.put("name", fallbackName);
    }
    if (props.path("valid_from").isMissingNode() || props.path("valid_from").isNull()) {
      defaultValidFrom.ifPresent(d -> props.put("valid_from", d.toString()));
    }
    String name = props.path("name").asText();
    try {
      return new Item(index, name, Optional.of(ZoneJson.fromFeature(f)), ignored, Optional.empty());
    } catch (InputException e) {
      if (e.title().equals("Missing valid_from")) {
        e =
            new InputException(
                e.kind(),
                e.title(),
                "valid_from is required: give each feature a valid_from property (YYYY-MM-DD), or"
                    + " give the import a default valid_from");
      }
      return refused(index, name, ignored, e);
    }
  }

  private static Item refused(int index, String name, List<String> ignored, InputException e) {
    return new Item(index, name, Optional.empty(), ignored, Optional.of(e));
  }

  private static List<JsonNode> geojsonFeatures(byte[] file, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(file);
    } catch (IOException e) {
      throw new InputException(
          Kind.MALFORMED, "Malformed JSON", "the file is not valid JSON: " + firstLine(e));
    }
    if (root == null || !root.isObject()) {
      throw new InputException(
          Kind.MALFORMED,
          "Not GeoJSON",
          "the file must be a GeoJSON object: a geometry, a Feature or a FeatureCollection");
    }
    String type = root.path("type").asText("");
    return switch (type) {
      case "FeatureCollection" -> {
        JsonNode fs = root.get("features");
        if (fs == null || !fs.isArray()) {
          throw new InputException(
              Kind.MALFORMED, "Not GeoJSON", "a FeatureCollection needs a features array");
        }
        List<JsonNode> out = new ArrayList<>();
        fs.forEach(out::add);
        yield out;
      }
      case "Feature" -> List.of(root);
      case "Polygon",
          "MultiPolygon",
          "Point",
          "LineString",
          "MultiPoint",
          "MultiLineString",
          "GeometryCollection" -> {
        ObjectNode f = json.createObjectNode();
        f.put("type", "Feature");
        f.set("geometry", root);
        f.putObject("properties");
        yield List.of(f);
      }
      default ->
          throw new InputException(
              Kind.MALFORMED,
              "Not GeoJSON",
              "the file's type is \""
                  + type
                  + "\"; import a geometry, a Feature or a FeatureCollection");
    };
  }

  private static InputException notAFeature() {
    return new InputException(
        Kind.MALFORMED, "Not a GeoJSON Feature", "each entry of features must be a Feature object");
  }

  static InputException tooLarge(long bytes) {
    return new InputException(
        Kind.TOO_LARGE,
        "File too large",
        "the file has "
            + bytes
            + " bytes; at most "
            + MAX_BYTES
            + " (10 MB) are imported at once: split it or simplify the geometries");
  }

  private static String firstLine(IOException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
