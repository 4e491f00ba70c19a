package org.conflictmap.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conflictmap.events.EventCorrection.Field;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.problem.InputException;

/**
 * Reads the body of {@code PATCH /api/events/{id}}: a JSON object with only the fields to change.
 * Wrong JSON types and unknown fields are malformed (400); values out of range, unknown ACLED types
 * or places, and impossible or future dates are unprocessable (422).
 */
public final class CorrectionJson {
  /** The largest figure we accept: more than any single event has had. */
  public static final int MAX_FIGURE = 1_000_000;

  private static final int MAX_ACTORS = 30;
  private static final int MAX_ACTOR_CHARS = 200;

  private CorrectionJson() {}

  /**
   * @param places finds a gazetteer place by key
   */
  public static EventCorrection parse(JsonNode body, Function<String, Optional<Place>> places) {
    if (body == null || !body.isObject()) {
      throw malformed("Not a JSON object", "send a JSON object with the fields to change");
    }
    Map<String, Field> byWire =
        Arrays.stream(Field.values()).collect(Collectors.toMap(Field::wire, f -> f));
    Map<Field, Object> values = new EnumMap<>(Field.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Field f = byWire.get(e.getKey());
      if (f == null) {
        throw malformed(
            "Unknown field",
            "unknown field '" + e.getKey() + "'; an event correction takes " + byWire.keySet());
      }
      values.put(f, value(f, e.getValue(), places));
    }
    if (values.isEmpty()) {
      throw malformed("Nothing to change", "the correction names no field; send at least one");
    }
    return new EventCorrection(values);
  }

  private static Object value(Field f, JsonNode v, Function<String, Optional<Place>> places) {
    return switch (f) {
      case LAT -> coordinate(f, v, 90);
      case LON -> coordinate(f, v, 180);
      case PLACE -> place(text(f, v, false), places);
      case EVENT_TYPE -> eventType(text(f, v, false));
      case SUB_EVENT_TYPE -> subType(text(f, v, true));
      case EVENT_DATE -> date(f, v);
      case EVENT_DATE_END -> v.isNull() ? null : date(f, v);
      case TIME_PRECISION, GEO_PRECISION -> precision(f, v);
      case FATALITIES, INJURIES -> figure(f, v);
      case PLANNED -> {
        if (!v.isBoolean()) {
          throw malformed("Invalid " + f.wire(), f.wire() + " must be true or false");
        }
        yield v.booleanValue();
      }
      case ACTORS -> actors(v);
    };
  }

  private static double coordinate(Field f, JsonNode v, double limit) {
    if (!v.isNumber()) {
      throw malformed("Invalid " + f.wire(), f.wire() + " must be a number of degrees");
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d) || d < -limit || d > limit) {
      throw unprocessable(
          "Invalid " + f.wire(),
          f.wire() + " must be between " + -limit + " and " + limit + ", got " + v.asText());
    }
    return d;
  }

  private static EventCorrection.PlaceValue place(
      String key, Function<String, Optional<Place>> places) {
    Place p =
        places
            .apply(key)
            .orElseThrow(
                () ->
                    unprocessable(
                        "Unknown place",
                        "no gazetteer place has the key '"
                            + abbreviate(key)
                            + "'; look it up with /api/geocode?q=NAME"));
    return new EventCorrection.PlaceValue(
        p.key(),
        p.geonameId(),
        p.name(),
        p.countryCode(),
        p.precision().label(),
        p.precision().acledCode(),
        p.lat(),
        p.lon());
  }

  private static String eventType(String type) {
    if (!AcledTypes.isType(type)) {
      throw unprocessable(
          "Unknown event type",
          "'"
              + abbreviate(type)
              + "' is not an ACLED event type; use one of "
              + AcledTypes.SUB_TYPES.keySet());
    }
    return type;
  }

  private static String subType(String sub) {
    if (sub != null && AcledTypes.typeOf(sub).isEmpty()) {
      throw unprocessable(
          "Unknown sub-event type",
          "'"
              + abbreviate(sub)
              + "' is not an ACLED sub-event type; use one of "
              + AcledTypes.SUB_TYPES);
    }
    return sub;
  }

  private static LocalDate date(Field f, JsonNode v) {
    String s = text(f, v, false);
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw unprocessable(
          "Invalid date",
          f.wire() + " must be an ISO date YYYY-MM-DD, got '" + abbreviate(s) + "'");
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw unprocessable("Invalid date", f.wire() + " '" + s + "' is not a calendar date");
    }
  }

  private static int precision(Field f, JsonNode v) {
    if (!v.isIntegralNumber()) {
      throw malformed("Invalid " + f.wire(), f.wire() + " must be 1, 2 or 3");
    }
    int p = v.intValue();
    if (p < 1 || p > 3) {
      throw unprocessable("Invalid " + f.wire(), f.wire() + " must be 1, 2 or 3, got " + p);
    }
    return p;
  }

  private static Integer figure(Field f, JsonNode v) {
    if (v.isNull()) {
      return null; // "not stated", which is not 0
    }
    if (!v.isIntegralNumber()) {
      throw malformed(
          "Invalid " + f.wire(),
          f.wire() + " must be a whole number, or null when no figure is stated");
    }
    if (!v.canConvertToInt() || v.intValue() < 0 || v.intValue() > MAX_FIGURE) {
      throw unprocessable(
          "Invalid " + f.wire(),
          f.wire() + " must be between 0 and " + MAX_FIGURE + ", got " + v.asText());
    }
    return v.intValue();
  }

  private static List<Actor> actors(JsonNode v) {
    if (!v.isArray()) {
      throw malformed("Invalid actors", "actors must be a list of names");
    }
    if (v.size() > MAX_ACTORS) {
      throw unprocessable("Too many actors", "at most " + MAX_ACTORS + " actors per event");
    }
    List<Actor> out = new ArrayList<>();
    for (JsonNode a : v) {
      if (!a.isTextual() || a.asText().isBlank() || a.asText().length() > MAX_ACTOR_CHARS) {
        throw malformed(
            "Invalid actors", "each actor is a name of 1 to " + MAX_ACTOR_CHARS + " characters");
      }
      out.add(new Actor(a.asText().strip(), null));
    }
    return out;
  }

  private static String text(Field f, JsonNode v, boolean nullable) {
    if (v.isNull() && nullable) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw malformed("Invalid " + f.wire(), f.wire() + " must be a non-empty string");
    }
    return v.asText().strip();
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static InputException malformed(String title, String detail) {
    return new InputException(InputException.Kind.MALFORMED, title, detail);
  }

  private static InputException unprocessable(String title, String detail) {
    return new InputException(InputException.Kind.UNPROCESSABLE, title, detail);
  }
}
