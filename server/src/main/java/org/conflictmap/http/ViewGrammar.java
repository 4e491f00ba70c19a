package org.conflictmap.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.conflictmap.events.EventQuery;
import org.conflictmap.events.EventTypes;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.locationtech.jts.geom.Envelope;

/**
 * The one grammar of the query parameters that choose events and describe a view, read the same way
 * by {@code /api/events} and its clusters and histogram, the zone routes, OGC items, exports,
 * previews, oEmbed and the view card; every refusal is worded here once. Malformed values (not a
 * number, a wrong count, an empty list item, a repeated or unknown name) are 400; well-formed
 * values out of range are 422, except where a parameter's own line says otherwise. The OGC routes
 * answer every refusal with 400, as their standard requires, with the same detail.
 */
final class ViewGrammar {
  /** The event filters; every endpoint that selects events takes all of them. */
  static final Set<String> FILTERS =
      Set.of(
          "bbox",
          "datetime",
          "type",
          "zone",
          "q",
          "country",
          "actor",
          "precision",
          "min_fatalities",
          "min_confidence");

  /** A view of the map: the filters, or a centre and zoom for its frame, its layers, its event. */
  static final Set<String> VIEW = union(FILTERS, "center", "zoom", "layers", "event");

  static final Set<String> LAYERS = Set.of("countries", "zones", "events", "heat");
  static final int MAX_TEXT = 200;
  static final double MAX_VIEW_ZOOM = 18;
  static final int MAX_FATALITIES = 1_000_000;

  /** A map centre in degrees and a Web Mercator zoom level as Leaflet counts them. */
  record Center(double lon, double lat, double zoom) {}

  private final Map<String, List<String>> query;

  ViewGrammar(Map<String, List<String>> query) {
    this.query = query;
  }

  static ViewGrammar of(Context ctx) {
    return new ViewGrammar(ctx.queryParamMap());
  }

  // ---- names ----

  /** Refuses parameters the endpoint does not know, so a typo ("bbx") is not silently ignored. */
  void allowOnly(Set<String> known) {
    Set<String> unknown = new TreeSet<>(query.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw malformed(
          "Unknown parameter",
          "unknown query parameter(s) "
              + unknown
              + "; this endpoint takes "
              + new TreeSet<>(known));
    }
  }

  /** The one value of a parameter, stripped; a repeated parameter is refused. */
  Optional<String> single(String name) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw malformed(
          "Repeated parameter", name + " is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
  }

  // ---- the frame ----

  /**
   * {@code bbox=minLon,minLat,maxLon,maxLat} in degrees (or six numbers with heights, which are
   * ignored, as OGC allows). minLon greater than maxLon is a box across the antimeridian (RFC 7946
   * section 5.2, OGC API Features): the envelope then runs on past 180 to maxLon + 360, which
   * {@link EventQuery} reads as continuing from -180. Longitudes beyond ±180 are refused, not
   * folded: such a box is written with minLon greater than maxLon. minLat north of maxLat is 400.
   */
  Optional<Envelope> bbox() {
    return single("bbox").map(ViewGrammar::bbox);
  }

  static Envelope bbox(String raw) {
    String shape = "four numbers minLon,minLat,maxLon,maxLat (or six with heights)";
    int count = raw.split(",", -1).length == 6 ? 6 : 4;
    double[] v = Decimal.list("bbox", raw, count, shape);
    int d = count / 2;
    double minLon = v[0], minLat = v[1], maxLon = v[d], maxLat = v[d + 1];
    if (minLon < -180 || minLon > 180 || maxLon < -180 || maxLon > 180) {
      throw unprocessable(
          "Invalid bbox",
          "bbox longitudes lie from -180 to 180 (a box across the antimeridian has minLon greater"
              + " than maxLon); got '"
              + raw
              + "'");
    }
    if (minLat < -90 || maxLat > 90) {
      throw unprocessable("Invalid bbox", "bbox latitudes lie from -90 to 90; got '" + raw + "'");
    }
    if (minLat > maxLat) {
      throw malformed(
          "Invalid bbox",
          "bbox is minLon,minLat,maxLon,maxLat: minLat ("
              + number(minLat)
              + ") is north of maxLat ("
              + number(maxLat)
              + "); swap them");
    }
    return new Envelope(minLon, minLon > maxLon ? maxLon + 360 : maxLon, minLat, maxLat);
  }

  /** A bbox as the parameter writes it: minLon greater than maxLon across the antimeridian. */
  static String bboxText(Envelope b) {
    double maxX = b.getMaxX() > 180 ? b.getMaxX() - 360 : b.getMaxX();
    return number(b.getMinX())
        + ","
        + number(b.getMinY())
        + ","
        + number(maxX)
        + ","
        + number(b.getMaxY());
  }

  /**
   * {@code center=lon,lat&zoom=z}: the two go together, and not with bbox; lon -180..180, lat
   * -85..85 (where Web Mercator ends), zoom 0..18.
   */
  Optional<Center> center() {
    Optional<String> rawCenter = single("center");
    Optional<String> rawZoom = single("zoom");
    if (query.containsKey("bbox") && (rawCenter.isPresent() || rawZoom.isPresent())) {
      throw malformed("Conflicting view", "give either bbox or center and zoom, not both");
    }
    if (rawCenter.isPresent() != rawZoom.isPresent()) {
      throw malformed("Incomplete view", "center and zoom go together; give both or neither");
    }
    if (rawCenter.isEmpty()) {
      return Optional.empty();
    }
    double[] c = Decimal.list("center", rawCenter.get(), 2, "lon,lat");
    if (c[0] < -180 || c[0] > 180 || c[1] < -85 || c[1] > 85) {
      throw unprocessable(
          "Invalid center",
          "center is lon,lat with -180 <= lon <= 180 and -85 <= lat <= 85; got '"
              + rawCenter.get()
              + "'");
    }
    return Optional.of(new Center(c[0], c[1], zoom(rawZoom.get(), MAX_VIEW_ZOOM)));
  }

  /** {@code zoom} alone (the labels of a view): a decimal from 0 to 18. */
  Optional<Double> zoom() {
    return single("zoom").map(raw -> zoom(raw, MAX_VIEW_ZOOM));
  }

  /** {@code zoom} as a grid level (clusters): a whole number from 0 to {@code max}. */
  int gridZoom(int max) {
    String raw =
        single("zoom")
            .orElseThrow(
                () -> malformed("Missing zoom", "zoom is a whole number from 0 to " + max));
    double z = zoom(raw, max);
    if (z != Math.rint(z) || raw.contains(".")) {
      throw malformed(
          "Invalid zoom", "zoom is a whole number from 0 to " + max + ", got '" + raw + "'");
    }
    return (int) z;
  }

  private static double zoom(String raw, double max) {
    double z;
    try {
      z = Decimal.parse(raw);
    } catch (NumberFormatException e) {
      throw malformed(
          "Invalid zoom",
          "zoom is a decimal number (ASCII digits with an optional minus and point), got '"
              + raw
              + "'");
    }
    if (z < 0 || z > max) {
      throw unprocessable(
          "Invalid zoom", "zoom must be between 0 and " + number(max) + ", got " + raw);
    }
    return z;
  }

  /** {@code layers=countries,zones,events,heat}: which layers a view shows. */
  Optional<Set<String>> layers() {
    return single("layers")
        .map(
            raw -> {
              Set<String> out = new TreeSet<>();
              for (String name : list("layers", raw)) {
                String folded = name.toLowerCase(Locale.ROOT);
                if (!LAYERS.contains(folded)) {
                  throw unprocessable(
                      "Invalid layers",
                      "unknown layer '" + name + "'; layers are " + new TreeSet<>(LAYERS));
                }
                out.add(folded);
              }
              return out;
            });
  }

  /** {@code event=ID}: the event a view opens. */
  Optional<Long> event() {
    return single("event").map(raw -> positiveId("event", raw));
  }

  // ---- the filters ----

  /** An interval of days, either end open. */
  record Interval(Optional<LocalDate> from, Optional<LocalDate> to) {}

  /**
   * {@code datetime}: a day, an RFC 3339 timestamp (events are dated to the day, so its date is
   * what counts) or an interval {@code start/end} whose open ends are {@code ..} or empty. A wrong
   * date or an interval that ends before it starts is 422.
   */
  Interval datetime() {
    Optional<String> raw = single("datetime");
    if (raw.isEmpty()) {
      return new Interval(Optional.empty(), Optional.empty());
    }
    String value = raw.get();
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
    return new Interval(Optional.ofNullable(from), Optional.ofNullable(to));
  }

  private static LocalDate end(String s, String field) {
    if (s.isEmpty() || s.equals("..")) {
      return null;
    }
    if (s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == 't')) {
      LocalDate day = ArticleText.parseDate(s.substring(0, 10), field);
      try {
        OffsetDateTime.parse(s.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeException e) {
        throw unprocessable(
            "Invalid datetime",
            field
                + " is a date YYYY-MM-DD or an RFC 3339 timestamp such as 2019-08-27T10:00:00Z;"
                + " got '"
                + abbreviate(s)
                + "'");
      }
      return day;
    }
    return ArticleText.parseDate(s, field);
  }

  /** {@code type=Battles,Protests}: ACLED event types in any case, or Unclassified; 422 unknown. */
  Set<String> types() {
    Optional<String> raw = single("type");
    if (raw.isEmpty()) {
      return Set.of();
    }
    Map<String, String> byFolded = new LinkedHashMap<>();
    knownTypes().forEach(t -> byFolded.put(t.toLowerCase(Locale.ROOT), t));
    Set<String> out = new TreeSet<>();
    for (String name : list("type", raw.get())) {
      String canonical = byFolded.get(name.toLowerCase(Locale.ROOT));
      if (canonical == null) {
        throw unprocessable(
            "Invalid type", "unknown event type '" + name + "'; known types are " + knownTypes());
      }
      out.add(canonical);
    }
    return out;
  }

  /** The ACLED event types a {@code type} filter may name, plus "Unclassified". */
  static Set<String> knownTypes() {
    Set<String> known = new TreeSet<>();
    EventTypes.RULES.forEach(r -> known.add(r.eventType()));
    known.add(EventTypes.UNCLASSIFIED);
    return known;
  }

  /** {@code q}: text in the place name, the sentence or the article's title. */
  Optional<String> q() {
    return single("q").map(raw -> text("q", raw, "the text to search for"));
  }

  /** {@code actor}: part of an actor's name, any case. */
  Optional<String> actor() {
    return single("actor").map(raw -> text("actor", raw, "part of an actor's name"));
  }

  private static String text(String name, String raw, String what) {
    if (raw.isBlank() || raw.length() > MAX_TEXT) {
      throw malformed(
          "Invalid " + name, name + " is " + what + ", 1 to " + MAX_TEXT + " characters");
    }
    return raw;
  }

  /** {@code zone=ID}: the events inside that zone. */
  Optional<Long> zone() {
    return single("zone").map(raw -> positiveId("zone", raw));
  }

  /** {@code country=SY,TR}: ISO 3166-1 alpha-2 codes, any case. */
  Set<String> countries() {
    Set<String> out = new TreeSet<>();
    for (String v : single("country").map(raw -> list("country", raw)).orElse(List.of())) {
      if (!v.matches("[A-Za-z]{2}")) {
        throw malformed(
            "Invalid country",
            "country takes two-letter ISO 3166-1 codes such as SY,TR; got '" + v + "'");
      }
      out.add(v.toUpperCase(Locale.ROOT));
    }
    return out;
  }

  /** {@code precision=1,2}: ACLED geo-precisions, 1 (a town) to 3 (a region or country). */
  Set<Integer> precisions() {
    Set<Integer> out = new TreeSet<>();
    for (String v : single("precision").map(raw -> list("precision", raw)).orElse(List.of())) {
      if (!v.matches("[123]")) {
        throw malformed(
            "Invalid precision",
            "precision takes geo-precisions 1 (town), 2 (near a town or part of a region) and 3"
                + " (region or country), such as 1,2; got '"
                + v
                + "'");
      }
      out.add(Integer.parseInt(v));
    }
    return out;
  }

  /** {@code min_fatalities=N}: the least stated death toll, 0 to 1,000,000. */
  Optional<Integer> minFatalities() {
    return single("min_fatalities")
        .map(raw -> (int) whole("min_fatalities", raw, 0, MAX_FATALITIES));
  }

  /** {@code min_confidence=0.8}: a decimal from 0 to 1; out of range is 400 too. */
  OptionalDouble minConfidence() {
    Optional<String> raw = single("min_confidence");
    if (raw.isEmpty()) {
      return OptionalDouble.empty();
    }
    double v;
    try {
      v = Decimal.parse(raw.get());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0 && v <= 1)) {
      throw malformed(
          "Invalid min_confidence",
          "min_confidence is a number from 0 to 1, got '" + raw.get() + "'");
    }
    return OptionalDouble.of(v);
  }

  /**
   * Every filter as a query of {@code limit} events; the zone is only its id here, the caller that
   * looks it up may narrow the box to it.
   */
  EventQuery filters(int limit) {
    Interval when = datetime();
    return new EventQuery(
        bbox(),
        when.from(),
        when.to(),
        limit,
        types(),
        q(),
        zone(),
        countries(),
        actor(),
        precisions(),
        minFatalities(),
        Optional.empty(),
        minConfidence());
  }

  // ---- paging ----

  /**
   * {@code limit} of a paged list: a whole number from 1 to {@code max}; 0 or less is 422, over the
   * maximum a 400 that names it (the rest comes through the next links).
   */
  int limit(int dflt, int max) {
    Optional<String> raw = single("limit");
    if (raw.isEmpty()) {
      return dflt;
    }
    long v = whole("limit", raw.get(), 1, Long.MAX_VALUE);
    if (v > max) {
      throw malformed(
          "Invalid limit",
          "limit is at most " + max + ", got " + raw.get() + "; follow the next link for more");
    }
    return (int) v;
  }

  /** {@code limit} where a larger value is served as the maximum (OGC API Features asks this). */
  int clampedLimit(int dflt, int max) {
    Optional<String> raw = single("limit");
    if (raw.isEmpty()) {
      return dflt;
    }
    return (int) Math.min(whole("limit", raw.get(), 1, Long.MAX_VALUE), max);
  }

  /** The opaque {@code cursor} of a {@code next} link. */
  Optional<EventQuery.Cursor> cursor() {
    return single("cursor").map(ViewGrammar::decodeCursor);
  }

  /** The cursor as a next link carries it: unpadded base64url of {@code date/id}. */
  static String encodeCursor(EventQuery.Cursor c) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((c.date() + "/" + c.id()).getBytes(StandardCharsets.US_ASCII));
  }

  private static EventQuery.Cursor decodeCursor(String raw) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
      int slash = s.indexOf('/');
      if (slash == 10) {
        LocalDate date = LocalDate.parse(s.substring(0, slash));
        long id = AsciiNumbers.parseLong(s.substring(slash + 1));
        if (id > 0) {
          return new EventQuery.Cursor(date, id);
        }
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      // fall through to the refusal
    }
    throw malformed(
        "Invalid cursor",
        "cursor is the value of a next link of this endpoint; drop it to start from the first page");
  }

  // ---- shared pieces ----

  /** A whole number of ASCII digits (400 otherwise) from min to max (422 outside). */
  static long whole(String name, String raw, long min, long max) {
    long v;
    try {
      v = AsciiNumbers.parseLong(raw);
    } catch (NumberFormatException e) {
      throw malformed("Invalid " + name, name + " must be a whole number, got '" + raw + "'");
    }
    if (v < min || v > max) {
      throw unprocessable(
          "Invalid " + name,
          name
              + (max == Long.MAX_VALUE
                  ? " must be at least " + min
                  : " must be between " + min + " and " + max)
              + ", got "
              + v);
    }
    return v;
  }

  private static long positiveId(String name, String raw) {
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

  /** A comma-separated list, each item stripped; an empty item (a stray comma) is refused. */
  private static List<String> list(String name, String raw) {
    List<String> out = new ArrayList<>();
    for (String part : raw.split(",", -1)) {
      String v = part.strip();
      if (v.isEmpty()) {
        throw malformed(
            "Invalid " + name,
            name + " is a comma-separated list without empty items, got '" + raw + "'");
      }
      out.add(v);
    }
    return out;
  }

  /** Shortest decimal form, so 36.0 is written "36" and URLs stay short. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** A set of names with some more. */
  static Set<String> with(Set<String> a, String... more) {
    return union(a, more);
  }

  private static Set<String> union(Set<String> a, String... more) {
    Set<String> s = new HashSet<>(a);
    s.addAll(List.of(more));
    return Set.copyOf(s);
  }

  static InputException malformed(String title, String detail) {
    return new InputException(InputException.Kind.MALFORMED, title, detail);
  }

  private static InputException unprocessable(String title, String detail) {
    return new InputException(InputException.Kind.UNPROCESSABLE, title, detail);
  }
}
