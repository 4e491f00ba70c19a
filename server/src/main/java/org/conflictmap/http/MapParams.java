package org.conflictmap.http;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conflictmap.events.EventTypes;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.locationtech.jts.geom.Envelope;

/**
 * The one parameter set that describes a view of the map, shared by {@code /api/events}, the map's
 * own URL, {@code /embed}, {@code /preview.png} and oEmbed: {@code bbox} (minLon,minLat,maxLon,
 * maxLat) or {@code center} (lon,lat, the same order as bbox and GeoJSON) with {@code zoom}, {@code
 * datetime} (a day or an ISO interval with open ends), {@code type} (ACLED event types,
 * comma-separated), {@code zone} (a zone id), {@code q} (free text), {@code layers} and {@code
 * event} (an event id). The browser reads the same names in {@code js/urlState.js}.
 */
public record MapParams(
    Optional<Envelope> bbox,
    Optional<Center> center,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Set<String> types,
    Optional<String> q,
    Optional<Long> zone,
    Optional<Set<String>> layers,
    Optional<Long> event) {

  /** A map centre in degrees and a Web Mercator zoom level as Leaflet counts them. */
  public record Center(double lon, double lat, double zoom) {}

  public static final Set<String> NAMES =
      Set.of("bbox", "center", "zoom", "datetime", "type", "zone", "q", "layers", "event");
  public static final Set<String> LAYERS = Set.of("countries", "zones", "events");
  public static final int MAX_QUERY = 200;
  public static final double MAX_ZOOM = 18;

  public MapParams {
    types = Set.copyOf(types);
  }

  /**
   * Reads the parameter set from a query string's values; names outside the set are left to the
   * caller (an endpoint that takes options besides the set checks them itself).
   */
  public static MapParams parse(Map<String, List<String>> query) {
    Optional<Envelope> bbox = single(query, "bbox").map(MapParams::bbox);
    Optional<String> centerRaw = single(query, "center");
    Optional<String> zoomRaw = single(query, "zoom");
    if (bbox.isPresent() && (centerRaw.isPresent() || zoomRaw.isPresent())) {
      throw malformed("Conflicting view", "give either bbox or center and zoom, not both");
    }
    if (centerRaw.isPresent() != zoomRaw.isPresent()) {
      throw malformed("Incomplete view", "center and zoom go together; give both or neither");
    }
    Optional<Center> center = centerRaw.map(c -> center(c, zoomRaw.get()));
    LocalDate[] interval =
        single(query, "datetime").map(MapParams::interval).orElse(new LocalDate[2]);
    return new MapParams(
        bbox,
        center,
        Optional.ofNullable(interval[0]),
        Optional.ofNullable(interval[1]),
        single(query, "type").map(MapParams::types).orElse(Set.of()),
        single(query, "q").map(MapParams::text),
        single(query, "zone").map(z -> id("zone", z)),
        single(query, "layers").map(MapParams::layers),
        single(query, "event").map(e -> id("event", e)));
  }

  /** The set as query parameters again, in a fixed order so equal views give equal URLs. */
  public Map<String, String> toQuery() {
    Map<String, String> out = new LinkedHashMap<>();
    bbox.ifPresent(
        b ->
            out.put(
                "bbox",
                Stream.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY())
                    .map(MapParams::number)
                    .collect(Collectors.joining(","))));
    center.ifPresent(
        c -> {
          out.put("center", number(c.lon()) + "," + number(c.lat()));
          out.put("zoom", number(c.zoom()));
        });
    if (from.isPresent() || to.isPresent()) {
      String a = from.map(LocalDate::toString).orElse("..");
      String b = to.map(LocalDate::toString).orElse("..");
      out.put("datetime", a.equals(b) ? a : a + "/" + b);
    }
    if (!types.isEmpty()) {
      out.put("type", String.join(",", new TreeSet<>(types)));
    }
    q.ifPresent(v -> out.put("q", v));
    zone.ifPresent(v -> out.put("zone", v.toString()));
    layers.ifPresent(v -> out.put("layers", String.join(",", new TreeSet<>(v))));
    event.ifPresent(v -> out.put("event", v.toString()));
    return out;
  }

  /** The ACLED event types a {@code type} filter may name, plus "Unclassified". */
  public static Set<String> knownTypes() {
    Set<String> known = new TreeSet<>();
    EventTypes.RULES.forEach(r -> known.add(r.eventType()));
    known.add(EventTypes.UNCLASSIFIED);
    return known;
  }

  static Set<String> types(String raw) {
    Map<String, String> byFolded = new LinkedHashMap<>();
    knownTypes().forEach(t -> byFolded.put(t.toLowerCase(Locale.ROOT), t));
    Set<String> out = new LinkedHashSet<>();
    for (String part : raw.split(",")) {
      String name = part.strip();
      if (name.isEmpty()) {
        continue;
      }
      String canonical = byFolded.get(name.toLowerCase(Locale.ROOT));
      if (canonical == null) {
        throw unprocessable(
            "Invalid type", "unknown event type '" + name + "'; known types are " + knownTypes());
      }
      out.add(canonical);
    }
    return out;
  }

  static String text(String raw) {
    if (raw.isBlank() || raw.length() > MAX_QUERY) {
      throw malformed(
          "Invalid q", "q is the text to search for, 1 to " + MAX_QUERY + " characters");
    }
    return raw;
  }

  private static Set<String> layers(String raw) {
    Set<String> out = new TreeSet<>();
    for (String part : raw.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!LAYERS.contains(name)) {
        throw unprocessable(
            "Invalid layers",
            "unknown layer '" + part.strip() + "'; layers are " + new TreeSet<>(LAYERS));
      }
      out.add(name);
    }
    return out;
  }

  static Envelope bbox(String raw) {
    double[] v = numbers("bbox", raw, 4, "minLon,minLat,maxLon,maxLat");
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] || v[1] > v[3]) {
      throw unprocessable(
          "Invalid bbox",
          "bbox must satisfy -180 <= minLon <= maxLon <= 180 and -90 <= minLat <= maxLat <= 90; got '"
              + raw
              + "'");
    }
    return new Envelope(v[0], v[2], v[1], v[3]);
  }

  private static Center center(String rawCenter, String rawZoom) {
    double[] c = numbers("center", rawCenter, 2, "lon,lat");
    if (c[0] < -180 || c[0] > 180 || c[1] < -85 || c[1] > 85) {
      throw unprocessable(
          "Invalid center",
          "center is lon,lat with -180 <= lon <= 180 and -85 <= lat <= 85; got '"
              + rawCenter
              + "'");
    }
    double zoom = numbers("zoom", rawZoom, 1, "a number")[0];
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw unprocessable(
          "Invalid zoom", "zoom must be between 0 and " + (int) MAX_ZOOM + ", got " + rawZoom);
    }
    return new Center(c[0], c[1], zoom);
  }

  private static double[] numbers(String name, String raw, int count, String shape) {
    return Decimal.list(name, raw, count, shape);
  }

  static LocalDate[] interval(String value) {
    String[] ends = value.split("/", -1);
    if (ends.length > 2) {
      throw malformed(
          "Invalid datetime", "datetime is a date or an interval start/end, got '" + value + "'");
    }
    LocalDate from = end(ends[0], "datetime start");
    LocalDate to = ends.length == 2 ? end(ends[1], "datetime end") : from;
    if (from != null && to != null && to.isBefore(from)) {
      throw unprocessable(
          "Invalid datetime", "the interval ends (" + to + ") before it starts (" + from + ")");
    }
    return new LocalDate[] {from, to};
  }

  private static LocalDate end(String s, String field) {
    if (s.isEmpty() || s.equals("..")) {
      return null;
    }
    String day = s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
    return ArticleText.parseDate(day, field);
  }

  private static long id(String name, String raw) {
    try {
      long id = AsciiNumbers.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the refusal
    }
    throw malformed("Invalid " + name, name + " is a positive whole number, got '" + raw + "'");
  }

  private static Optional<String> single(Map<String, List<String>> query, String name) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw malformed(
          "Repeated parameter", name + " is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
  }

  /** Shortest decimal form, so 36.0 is written "36" and URLs stay short. */
  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  private static InputException malformed(String title, String detail) {
    return new InputException(InputException.Kind.MALFORMED, title, detail);
  }

  private static InputException unprocessable(String title, String detail) {
    return new InputException(InputException.Kind.UNPROCESSABLE, title, detail);
  }
}
