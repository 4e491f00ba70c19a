package org.conflictmap.extract;

import java.time.LocalDate;

/**
 * When an event happened, as the text lets us say it: one day or a range, and ACLED's time
 * precision (1 the day is known, 2 the week or so, 3 only the month or longer).
 *
 * @param start first character of the expression in its sentence, -1 for a date not from the text
 * @param end character after the expression
 * @param from the day, or the first day of the range
 * @param to the last day of the range, or null for a single day
 */
public record When(int start, int end, LocalDate from, LocalDate to, int precision) {
  public static final int DAY = 1;
  public static final int WEEK = 2;
  public static final int MONTH = 3;

  public When {
    if (to != null && from != null && !to.isAfter(from)) {
      to = null; // a range of one day is that day
    }
  }

  /** A date the text does not state (the article's own date, say). */
  public static When assumed(LocalDate day, int precision) {
    return new When(-1, -1, day, null, precision);
  }

  /** The last day this date covers. */
  public LocalDate last() {
    return to == null ? from : to;
  }
}
