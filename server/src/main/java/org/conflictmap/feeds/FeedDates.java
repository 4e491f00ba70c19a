package org.conflictmap.feeds;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds carry: RFC 822 in RSS ({@code Tue, 27 Aug 2019 10:00:00 GMT}, with the zone
 * names of RFC 822 and the day name optional) and RFC 3339 in Atom and Dublin Core ({@code
 * 2019-08-27T10:00:00+03:00}, or a bare date). An unreadable date is absent, never a guess.
 */
final class FeedDates {
  /** RFC 822 zone names; military single letters are too ambiguous in practice to be worth it. */
  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("UT", "+0000"),
          Map.entry("UTC", "+0000"),
          Map.entry("GMT", "+0000"),
          Map.entry("Z", "+0000"),
          Map.entry("EST", "-0500"),
          Map.entry("EDT", "-0400"),
          Map.entry("CST", "-0600"),
          Map.entry("CDT", "-0500"),
          Map.entry("MST", "-0700"),
          Map.entry("MDT", "-0600"),
          Map.entry("PST", "-0800"),
          Map.entry("PDT", "-0700"));

  /** Day name (optional), day, month name, year (2 or 4 digits), time, zone. */
  private static final Pattern RFC822 =
      Pattern.compile(
          "^(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{2,4})\\s+"
              + "(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*([A-Za-z]{1,4}|[+-]\\d{2}:?\\d{2})?$");

  private static final DateTimeFormatter DAY_MONTH_YEAR =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d MMM uuuu H:mm[:ss] xx")
          .toFormatter(Locale.ENGLISH)
          // 31 February is an error, not 28 February
          .withResolverStyle(ResolverStyle.STRICT);

  private FeedDates() {}

  static Optional<OffsetDateTime> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.strip();
    try {
      if (!s.isEmpty()
          && Character.isDigit(s.charAt(0))
          && s.length() >= 10
          && s.charAt(4) == '-') {
        return Optional.of(iso(s));
      }
      return rfc822(s);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static OffsetDateTime iso(String s) {
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeException e) {
      // no offset: RFC 3339 requires one, so the writer most likely meant UTC
      return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
    }
  }

  private static Optional<OffsetDateTime> rfc822(String s) {
    Matcher m = RFC822.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    String month = m.group(2);
    // "Sept" and "June" occur; the formatter knows only the three-letter forms
    month = month.length() > 3 ? month.substring(0, 3) : month;
    String year = m.group(3);
    if (year.length() == 2) {
      year = (Integer.parseInt(year) < 70 ? "20" : "19") + year;
    } else if (year.length() == 3) {
      return Optional.empty();
    }
    String zone = m.group(5) == null ? "GMT" : m.group(5);
    String offset =
        zone.startsWith("+") || zone.startsWith("-")
            ? zone.replace(":", "")
            : ZONES.get(zone.toUpperCase(Locale.ROOT));
    if (offset == null) {
      return Optional.empty();
    }
    String normal = m.group(1) + " " + month + " " + year + " " + m.group(4) + " " + offset;
    return Optional.of(OffsetDateTime.parse(normal, DAY_MONTH_YEAR));
  }
}
