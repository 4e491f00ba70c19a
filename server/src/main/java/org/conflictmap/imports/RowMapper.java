package org.conflictmap.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.conflictmap.events.AcledTypes;
import org.conflictmap.events.Actor;
import org.conflictmap.events.NewEvent;
import org.conflictmap.store.EventImportStore;

/**
 * Reads one row (ACLED's column names, plus the {@code cm_*} columns of our own exports) into an
 * event, or says what is wrong with each field. ACLED fields with no place in our events (inter1,
 * admin1–3, iso, region, source_scale, tags, timestamp) are read past.
 */
final class RowMapper {
  /** The columns a file must have. */
  static final Set<String> REQUIRED =
      Set.of("event_date", "event_type", "latitude", "longitude", "geo_precision");

  /** ACLED writes "27 August 2019" in some exports; ISO dates elsewhere. */
  private static final DateTimeFormatter ACLED_DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private static final Map<String, String> COUNTRY_CODES = countryCodes();

  /**
   * The widest value each column's store field takes (V1_1, V21_0): a longer one is the row's fault
   * here, not a database error in the middle of the import.
   */
  private static final Map<String, Integer> WIDTHS =
      Map.of(
          "event_id_cnty", 200,
          "location", 400,
          "cm_place_key", 200,
          "cm_country_code", 8,
          "cm_precision", 20);

  private static final int TITLE_WIDTH = 1000;
  private static final int URL_WIDTH = 2048;

  private final ObjectMapper json;

  RowMapper(ObjectMapper json) {
    this.json = json;
  }

  /** The row as an import item, or empty with its faults added to {@code problems}. */
  Optional<EventImportStore.Item> map(int row, Map<String, String> f, List<RowProblem> problems) {
    Faults faults = new Faults(row, problems);
    LocalDate date = date(f, "event_date", true, faults);
    LocalDate end = date(f, "cm_event_date_end", false, faults);
    if (date != null && end != null && end.isBefore(date)) {
      faults.add("cm_event_date_end", "ends on " + end + ", before event_date " + date);
    }
    String type = text(f, "event_type");
    if (type == null) {
      faults.add("event_type", "is empty: one of ACLED's six event types is needed");
    } else if (!AcledTypes.isType(type) && !AcledTypes.UNCLASSIFIED.equals(type)) {
      faults.add("event_type", "'" + type + "' is not one of ACLED's event types");
    }
    String subType = text(f, "sub_event_type");
    if (subType != null && type != null && AcledTypes.isType(type)) {
      Optional<String> of = AcledTypes.typeOf(subType);
      if (of.isEmpty() || !of.get().equals(type)) {
        faults.add("sub_event_type", "'" + subType + "' is not a sub-event type of " + type);
      }
    }
    Double lat = coordinate(f, "latitude", 90, faults);
    Double lon = coordinate(f, "longitude", 180, faults);
    Integer geo = small(f, "geo_precision", true, faults);
    Integer time = small(f, "time_precision", false, faults);
    Integer fatalities = count(f, "fatalities", faults);
    Integer injuries = count(f, "cm_injuries", faults);
    Long placeId = placeId(f, faults);
    Double confidence = confidence(f, "cm_type_confidence", faults);
    Double placeConfidence = confidence(f, "cm_place_confidence", faults);
    List<EventImportStore.Source> sources = sources(f, fatalities, injuries, faults);
    String planned = text(f, "cm_planned");
    if (planned != null && !planned.equals("true") && !planned.equals("false")) {
      faults.add("cm_planned", "is true or false, not '" + planned + "'");
    }
    WIDTHS.forEach((column, width) -> fits(text(f, column), column, width, faults));
    for (EventImportStore.Source src : sources) {
      fits(src.title(), sources.size() > 1 ? "cm_sources" : "source", TITLE_WIDTH, faults);
      fits(src.url(), sources.size() > 1 ? "cm_sources" : "cm_source_url", URL_WIDTH, faults);
    }
    if (faults.any) {
      return Optional.empty();
    }
    String cc = text(f, "cm_country_code");
    if (cc == null) {
      String country = text(f, "country");
      cc = country == null ? null : COUNTRY_CODES.get(country.toLowerCase(Locale.ROOT));
    }
    String precision = text(f, "cm_precision");
    if (precision == null) {
      precision = geo == 3 ? "region" : "town";
    }
    EventImportStore.Source first = sources.get(0);
    NewEvent e =
        new NewEvent(
            date,
            type,
            subType,
            geo,
            time == null ? 1 : time,
            fatalities,
            text(f, "notes"),
            text(f, "cm_place_key"),
            placeId,
            text(f, "location"),
            cc,
            precision,
            lat,
            lon,
            first.sentence(),
            first.sentenceStart(),
            first.sentenceEnd(),
            end,
            injuries,
            "true".equals(planned),
            actors(f, faults),
            // ACLED's rows are coded by people: as sure as a type gets
            confidence == null ? 1.0 : confidence,
            // no model judged an ACLED row's place: left unknown, as for events stored before one
            placeConfidence);
    String id = text(f, "event_id_cnty");
    return Optional.of(new EventImportStore.Item(id == null ? fingerprint(f) : id, e, sources));
  }

  /**
   * An id for a row its file gave none: the row's own content, so the same row gets the same id.
   */
  private static String fingerprint(Map<String, String> f) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(f)
        .forEach(
            (k, v) -> {
              if (!k.equals("cm_id") && v != null && !v.isEmpty()) {
                b.append(k).append('\u0000').append(v).append('\u0001');
              }
            });
    return "cm-" + sha256(b.toString()).substring(0, 40);
  }

  private static String sha256(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<EventImportStore.Source> sources(
      Map<String, String> f, Integer fatalities, Integer injuries, Faults faults) {
    String many = text(f, "cm_sources");
    if (many != null) {
      try {
        JsonNode a = json.readTree(many);
        if (a.isArray() && a.size() > 0) {
          List<EventImportStore.Source> out = new ArrayList<>();
          for (JsonNode s : a) {
            String sentence = str(s, "sentence");
            int start = s.path("sentence_start").asInt(0);
            int end = s.path("sentence_end").asInt(sentence == null ? 0 : sentence.length());
            out.add(
                new EventImportStore.Source(
                    str(s, "article_title"),
                    str(s, "source_url"),
                    sentence,
                    Math.max(0, start),
                    Math.max(Math.max(0, start), end),
                    s.path("fatalities").isInt() ? s.get("fatalities").asInt() : null,
                    s.path("injuries").isInt() ? s.get("injuries").asInt() : null));
          }
          return out;
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // reported below
      }
      faults.add("cm_sources", "is not a JSON array of sources");
      return List.of();
    }
    // ACLED's notes are the text an analyst reads (and the map searches): its sentence
    String sentence = f.containsKey("cm_sentence") ? text(f, "cm_sentence") : text(f, "notes");
    Integer start = offset(f, "cm_sentence_start", faults);
    Integer end = offset(f, "cm_sentence_end", faults);
    int s = start == null ? 0 : start;
    int e = end == null ? s + (sentence == null ? 0 : sentence.length()) : end;
    if (e < s) {
      faults.add("cm_sentence_end", "is before cm_sentence_start");
    }
    return List.of(
        new EventImportStore.Source(
            text(f, "source"), text(f, "cm_source_url"), sentence, s, e, fatalities, injuries));
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  /** actor1, actor2, then ACLED's associated actors; countries from cm_actor_countries. */
  private List<Actor> actors(Map<String, String> f, Faults faults) {
    String spelled = text(f, "cm_actors");
    if (spelled != null) {
      try {
        JsonNode a = json.readTree(spelled);
        if (a.isArray()) {
          List<Actor> out = new ArrayList<>();
          for (JsonNode x : a) {
            out.add(new Actor(x.path("name").asText(), str(x, "country_code")));
          }
          return out;
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // reported below
      }
      faults.add("cm_actors", "is not a JSON array of actors");
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String col : List.of("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")) {
      String v = text(f, col);
      if (v == null) {
        continue;
      }
      if (col.startsWith("assoc")) {
        for (String part : v.split("; ")) {
          if (!part.isBlank()) {
            names.add(part);
          }
        }
      } else {
        names.add(v);
      }
    }
    String countries = text(f, "cm_actor_countries");
    String[] cc = countries == null ? new String[0] : countries.split("; ", -1);
    List<Actor> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String c = cc.length == names.size() && !cc[i].isEmpty() ? cc[i] : null;
      out.add(new Actor(names.get(i), c));
    }
    return out;
  }

  private static void fits(String v, String column, int width, Faults faults) {
    if (v != null && v.length() > width) {
      faults.add(
          column, "is " + v.length() + " characters long, more than the " + width + " it may be");
    }
  }

  /** The field's text, null when empty; a formula guard our CSV export added is taken off. */
  static String text(Map<String, String> f, String column) {
    String v = f.get(column);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
      return v.substring(1);
    }
    return v;
  }

  private static LocalDate date(
      Map<String, String> f, String column, boolean required, Faults faults) {
    String v = text(f, column);
    if (v == null) {
      if (required) {
        faults.add(column, "is empty: a date is needed");
      }
      return null;
    }
    v = v.trim();
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(v, ACLED_DATE);
      } catch (DateTimeParseException e2) {
        faults.add(column, "'" + v + "' is not a date (2019-08-27 or 27 August 2019)");
        return null;
      }
    }
  }

  private static Double coordinate(
      Map<String, String> f, String column, double limit, Faults faults) {
    String v = text(f, column);
    if (v == null) {
      faults.add(column, "is empty: a coordinate in decimal degrees is needed");
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      faults.add(column, "'" + v + "' is not a number of decimal degrees (e.g. 35.93)");
      return null;
    }
    if (!Double.isFinite(d) || d < -limit || d > limit) {
      faults.add(column, v + " is outside -" + (int) limit + " to " + (int) limit);
      return null;
    }
    return d;
  }

  private static Integer small(
      Map<String, String> f, String column, boolean required, Faults faults) {
    String v = text(f, column);
    if (v == null) {
      if (required) {
        faults.add(column, "is empty: 1, 2 or 3 is needed");
      }
      return null;
    }
    switch (v.trim()) {
      case "1":
        return 1;
      case "2":
        return 2;
      case "3":
        return 3;
      default:
        faults.add(column, "is 1, 2 or 3, not '" + v + "'");
        return null;
    }
  }

  private static Integer count(Map<String, String> f, String column, Faults faults) {
    String v = text(f, column);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    faults.add(column, "is a whole number of 0 or more, not '" + v + "'");
    return null;
  }

  private static Integer offset(Map<String, String> f, String column, Faults faults) {
    return count(f, column, faults);
  }

  private static Long placeId(Map<String, String> f, Faults faults) {
    String v = text(f, "cm_place_id");
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      faults.add("cm_place_id", "is a GeoNames id (a whole number), not '" + v + "'");
      return null;
    }
  }

  private static Double confidence(Map<String, String> f, String column, Faults faults) {
    String v = text(f, column);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    faults.add(column, "is a number from 0 to 1, not '" + v + "'");
    return null;
  }

  private static Map<String, String> countryCodes() {
    Map<String, String> out = new HashMap<>();
    for (String cc : Locale.getISOCountries()) {
      out.put(new Locale("", cc).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), cc);
    }
    return Map.copyOf(out);
  }

  private static final class Faults {
    final int row;
    final List<RowProblem> problems;
    boolean any;

    Faults(int row, List<RowProblem> problems) {
      this.row = row;
      this.problems = problems;
    }

    void add(String column, String reason) {
      any = true;
      problems.add(new RowProblem(row, column, reason));
    }
  }
}
