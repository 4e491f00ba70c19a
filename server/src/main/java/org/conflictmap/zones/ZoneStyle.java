package org.conflictmap.zones;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;

/**
 * Checks a zone's {@code style}: a few Leaflet path options with values the map can put into SVG
 * attributes without surprises (the page renders them, so free text such as {@code url(...)} must
 * not get through).
 */
final class ZoneStyle {
  static final Set<String> KEYS =
      Set.of("color", "fillColor", "weight", "opacity", "fillOpacity", "dashArray");
  private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
  private static final Pattern DASHES =
      Pattern.compile("\\d+(?:\\.\\d+)?(?:[ ,]+\\d+(?:\\.\\d+)?)*");
  private static final double MAX_WEIGHT = 50;

  private ZoneStyle() {}

  /** The style as a map (insertion ordered), empty when absent or null. */
  static Map<String, Object> parse(JsonNode style) {
    if (style == null || style.isNull()) {
      return Map.of();
    }
    if (!style.isObject()) {
      throw new InputException(
          Kind.MALFORMED,
          "Malformed style",
          "style must be an object of Leaflet path options, e.g. {\"color\": \"#c0392b\", \"fillOpacity\": 0.2}.");
    }
    Set<String> unknown = new TreeSet<>();
    style
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!KEYS.contains(k)) {
                unknown.add(k);
              }
            });
    if (!unknown.isEmpty()) {
      throw new InputException(
          Kind.MALFORMED,
          "Unknown style options",
          "style may only contain "
              + String.join(", ", new TreeSet<>(KEYS))
              + "; remove "
              + String.join(", ", unknown)
              + ".",
          Map.of("fields", List.copyOf(unknown)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = style.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        out.put(e.getKey(), value(e.getKey(), e.getValue()));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object value(String key, JsonNode v) {
    return switch (key) {
      case "color", "fillColor" ->
          matching(key, v, COLOUR, "a colour written #rgb or #rrggbb, e.g. \"#c0392b\"");
      case "dashArray" -> matching(key, v, DASHES, "dash and gap lengths such as \"5, 10\"");
      case "weight" -> number(key, v, 0, MAX_WEIGHT);
      default -> number(key, v, 0, 1);
    };
  }

  private static String matching(String key, JsonNode v, Pattern p, String what) {
    if (!v.isTextual()) {
      throw new InputException(
          Kind.MALFORMED, "Malformed style", "style." + key + " must be a string: " + what + ".");
    }
    if (!p.matcher(v.asText()).matches()) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Invalid style value",
          "style." + key + " is \"" + v.asText() + "\"; it must be " + what + ".");
    }
    return v.asText();
  }

  private static Number number(String key, JsonNode v, double min, double max) {
    if (!v.isNumber()) {
      throw new InputException(
          Kind.MALFORMED, "Malformed style", "style." + key + " must be a number.");
    }
    double d = v.doubleValue();
    if (!(d >= min && d <= max)) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "Invalid style value",
          "style."
              + key
              + " is "
              + v.asText()
              + "; it must be between "
              + fmt(min)
              + " and "
              + fmt(max)
              + ".");
    }
    return v.numberValue();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
