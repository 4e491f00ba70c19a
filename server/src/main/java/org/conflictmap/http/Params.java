package org.conflictmap.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.conflictmap.events.EventQuery;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads and checks query and path parameters; every refusal names the parameter and what it takes.
 */
final class Params {
  private Params() {}

  /** Refuses parameters the endpoint does not know, so a typo ("bbx") is not silently ignored. */
  static void allowOnly(Context ctx, Set<String> known) {
    Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
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

  static Optional<String> single(Context ctx, String name) {
    List<String> values = ctx.queryParamMap().getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw malformed(
          "Repeated parameter", name + " is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
  }

  /** {@code bbox=minLon,minLat,maxLon,maxLat} in degrees. */
  static Optional<Envelope> bbox(Context ctx) {
    return single(ctx, "bbox")
        .map(
            raw -> {
              double[] v = Decimal.list("bbox", raw, 4, "four numbers minLon,minLat,maxLon,maxLat");
              if (v[0] < -180
                  || v[2] > 180
                  || v[1] < -90
                  || v[3] > 90
                  || v[0] > 180
                  || v[2] < -180) {
                throw new InputException(
                    InputException.Kind.UNPROCESSABLE,
                    "Invalid bbox",
                    "bbox must satisfy -180 <= minLon, maxLon <= 180 and -90 <= minLat, maxLat <= 90;"
                        + " got '"
                        + raw
                        + "'");
              }
              if (v[1] > v[3]) {
                throw malformed(
                    "Invalid bbox",
                    "bbox is minLon,minLat,maxLon,maxLat: minLat ("
                        + v[1]
                        + ") is north of maxLat ("
                        + v[3]
                        + "); swap them");
              }
              // minLon > maxLon is a box across the antimeridian (RFC 7946 section 5.2): it goes on
              // past 180, which EventQuery reads as continuing from -180
              double maxX = v[0] > v[2] ? v[2] + 360 : v[2];
              return new Envelope(v[0], maxX, v[1], v[3]);
            });
  }

  /** A comma-separated list parameter, each value stripped, empties refused. */
  static List<String> list(Context ctx, String name) {
    return single(ctx, name)
        .map(
            raw -> {
              List<String> out = new java.util.ArrayList<>();
              for (String part : raw.split(",", -1)) {
                String v = part.strip();
                if (v.isEmpty()) {
                  throw malformed(
                      "Invalid " + name, name + " is a comma-separated list, got '" + raw + "'");
                }
                out.add(v);
              }
              return out;
            })
        .orElse(List.of());
  }

  /** {@code country=SY,TR}: ISO 3166-1 alpha-2 codes, any case. */
  static Set<String> countries(Context ctx) {
    Set<String> out = new TreeSet<>();
    for (String v : list(ctx, "country")) {
      if (!v.matches("[A-Za-z]{2}")) {
        throw malformed(
            "Invalid country",
            "country takes two-letter ISO 3166-1 codes such as SY,TR; got '" + v + "'");
      }
      out.add(v.toUpperCase(java.util.Locale.ROOT));
    }
    return out;
  }

  /** {@code precision=1,2}: ACLED geo-precisions, 1 (a town) to 3 (a region or country). */
  static Set<Integer> precisions(Context ctx) {
    Set<Integer> out = new TreeSet<>();
    for (String v : list(ctx, "precision")) {
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

  /** The opaque {@code cursor} of a {@code next} link. */
  static Optional<EventQuery.Cursor> cursor(Context ctx) {
    return single(ctx, "cursor").map(Params::decodeCursor);
  }

  /** The cursor as a next link carries it: unpadded base64url of {@code date/id}. */
  static String encodeCursor(EventQuery.Cursor c) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (c.date() + "/" + c.id()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static EventQuery.Cursor decodeCursor(String raw) {
    try {
      String s =
          new String(
              java.util.Base64.getUrlDecoder().decode(raw),
              java.nio.charset.StandardCharsets.US_ASCII);
      int slash = s.indexOf('/');
      if (slash == 10) {
        LocalDate date = LocalDate.parse(s.substring(0, slash));
        long id = AsciiNumbers.parseLong(s.substring(slash + 1));
        if (id > 0) {
          return new EventQuery.Cursor(date, id);
        }
      }
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // fall through to the refusal
    }
    throw malformed(
        "Invalid cursor",
        "cursor is the value of a next link of this endpoint; drop it to start from the first page");
  }

  /**
   * {@code datetime} as an ISO interval of dates: {@code 2019-08-01/2019-08-31}, open ends {@code
   * ..}, or a day.
   */
  static LocalDate[] dateInterval(Context ctx) {
    Optional<String> raw = single(ctx, "datetime");
    if (raw.isEmpty()) {
      return new LocalDate[2];
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
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Invalid datetime",
          "the interval ends (" + to + ") before it starts (" + from + ")");
    }
    return new LocalDate[] {from, to};
  }

  private static LocalDate end(String s, String field) {
    if (s.isEmpty() || s.equals("..")) {
      return null;
    }
    // a full timestamp is accepted; events are dated to the day
    String day = s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
    return ArticleText.parseDate(day, field);
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    return single(ctx, name)
        .map(
            raw -> {
              try {
                int v = AsciiNumbers.parseInt(raw);
                if (v < min || v > max) {
                  throw new InputException(
                      InputException.Kind.UNPROCESSABLE,
                      "Invalid " + name,
                      name + " must be between " + min + " and " + max + ", got " + v);
                }
                return v;
              } catch (NumberFormatException e) {
                throw malformed(
                    "Invalid " + name, name + " must be a whole number, got '" + raw + "'");
              }
            })
        .orElse(dflt);
  }

  /**
   * {@code limit} of a paged list: over the maximum is a plain 400 that names the maximum (the rest
   * comes through the next links), below 1 is refused as before.
   */
  static int pageLimit(Context ctx, int dflt, int max) {
    Optional<String> raw = single(ctx, "limit");
    if (raw.isPresent()) {
      try {
        int v = AsciiNumbers.parseInt(raw.get());
        if (v > max) {
          throw malformed(
              "Invalid limit",
              "limit is at most " + max + ", got " + v + "; follow the next link for more");
        }
      } catch (NumberFormatException e) {
        // intParam says what is wrong with it
      }
    }
    return intParam(ctx, "limit", dflt, 1, max);
  }

  static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = AsciiNumbers.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the refusal
    }
    throw malformed("Invalid id", "ids are positive whole numbers, got '" + raw + "'");
  }

  static InputException malformed(String title, String detail) {
    return new InputException(InputException.Kind.MALFORMED, title, detail);
  }

  static InputException notFound(String what, long id) {
    return new InputException(
        InputException.Kind.NOT_FOUND, "Not found", "there is no " + what + " " + id);
  }
}
