package org.conflictmap.events;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An event's date as people write it: "27 August 2019", a range "1–27 August 2019" or "1 May – 27
 * August 2019", and "planned for 16 September 2019" for what has not happened yet. Shared by the
 * event page, its link preview and the oEmbed answer so that all three say the same.
 */
public final class EventWhen {
  /** "27 August 2019". */
  public static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  /** "27 Aug 2019", for the tight caption of a preview image. */
  public static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

  private EventWhen() {}

  public static String describe(Event e, DateTimeFormatter style) {
    return describe(e.eventDate(), e.eventDateEnd(), e.planned(), style);
  }

  public static String describe(
      LocalDate from, LocalDate to, boolean planned, DateTimeFormatter style) {
    if (from == null) {
      return "undated";
    }
    String when = range(from, to, style);
    return planned ? "planned for " + when : when;
  }

  private static String range(LocalDate from, LocalDate to, DateTimeFormatter style) {
    if (to == null || !to.isAfter(from)) {
      return style.format(from);
    }
    String end = style.format(to);
    if (from.getYear() == to.getYear() && from.getMonth() == to.getMonth()) {
      return from.getDayOfMonth() + "–" + end;
    }
    if (from.getYear() == to.getYear()) {
      // "1 May – 27 August 2019": the style without its year, then the full end.
      String start = style.format(from);
      return start.substring(0, start.lastIndexOf(' ')) + " – " + end;
    }
    return style.format(from) + " – " + end;
  }
}
