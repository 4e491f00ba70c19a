package org.conflictmap.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
                  || v[0] > v[2]
                  || v[1] > v[3]) {
                throw new InputException(
                    InputException.Kind.UNPROCESSABLE,
                    "Invalid bbox",
                    "bbox must satisfy -180 <= minLon <= maxLon <= 180 and -90 <= minLat <= maxLat <= 90; got '"
                        + raw
                        + "'");
              }
              return new Envelope(v[0], v[2], v[1], v[3]);
            });
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
