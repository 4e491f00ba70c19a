package org.conflictmap.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates a sentence gives and resolves them against the article's date: "on Tuesday",
 * "yesterday", "earlier this month", "last week", "since May", "last September", "on September 16",
 * "16 September 2019", "Sept. 16", ISO and numeric dates. A date without a year, or a bare weekday,
 * is the most recent one on or before the article date, or the next one after it when the sentence
 * speaks of a planned event. Impossible dates ("30 February") are skipped, not guessed.
 */
public final class Dates {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final String MONTH =
      "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?"
          + "|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?"
          + "|Dec(?:ember|\\.)?)";
  private static final String WEEKDAY =
      "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String DAY = "(?:[0-3]?\\d)(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:19|20)\\d\\d";

  /** Context of one resolution. */
  private record Ctx(LocalDate article, boolean forward) {}

  private record Rule(Pattern pattern, BiFunction<Matcher, Ctx, Optional<When>> resolve) {}

  private static Rule rule(String regex, BiFunction<Matcher, Ctx, Optional<When>> resolve) {
    // month names are capitalised in news text; requiring it keeps "may" the verb out
    return new Rule(Pattern.compile("\\b(?:" + regex + ")(?![\\p{L}\\d])"), resolve);
  }

  private static String ci(String words) {
    return "(?i:" + words + ")";
  }

  private static final List<Rule> RULES =
      List.of(
          // 2019-08-27
          rule(
              "(?<y>" + YEAR + ")-(?<m>\\d\\d)-(?<d>\\d\\d)",
              (m, c) -> day(c, num(m, "y"), num(m, "m"), num(m, "d"))),
          // 27/08/2019, 27.08.2019: day first unless that cannot be
          rule(
              "(?<a>\\d{1,2})[/.](?<b>\\d{1,2})[/.](?<y>" + YEAR + ")",
              (m, c) -> {
                int a = num(m, "a");
                int b = num(m, "b");
                return a <= 12 && b > 12 ? day(c, num(m, "y"), a, b) : day(c, num(m, "y"), b, a);
              }),
          // since 16 May, since May 16, since May
          rule(
              ci("since|from")
                  + " (?:(?<d1>"
                  + DAY
                  + ") (?<m1>"
                  + MONTH
                  + ")|(?<m2>"
                  + MONTH
                  + ")(?: (?<d2>"
                  + DAY
                  + "))?)(?:,? (?<y>"
                  + YEAR
                  + "))?",
              (m, c) -> since(m, c)),
          // 16 September 2019, 16 Sept., (on) 16 September
          rule(
              "(?<d>" + DAY + ") (?:of )?(?<m>" + MONTH + ")(?:,? (?<y>" + YEAR + "))?",
              (m, c) -> dayOfMonth(m, c)),
          // September 16, 2019, Sept. 16
          rule(
              "(?<m>" + MONTH + ") (?<d>" + DAY + ")(?:,? (?<y>" + YEAR + "))?",
              (m, c) -> dayOfMonth(m, c)),
          // last September, in May 2019, in May, earlier in March
          rule(
              ci("last|this past") + " (?<m>" + MONTH + ")",
              (m, c) -> {
                int month = month(m.group("m"));
                LocalDate first = c.article().withDayOfMonth(1).withMonth(month);
                if (!first.isBefore(c.article().withDayOfMonth(1))) {
                  first = first.minusYears(1);
                }
                return Optional.of(monthRange(first, c));
              }),
          rule(
              ci("next|in|during|by|early|late|mid|mid-|end of")
                  + " (?<m>"
                  + MONTH
                  + ")(?:,? (?<y>"
                  + YEAR
                  + "))?",
              (m, c) -> {
                int month = month(m.group("m"));
                LocalDate first;
                if (m.group("y") != null) {
                  first = LocalDate.of(num(m, "y"), month, 1);
                } else {
                  first = c.article().withDayOfMonth(1).withMonth(month);
                  if (c.forward() && first.isBefore(c.article().withDayOfMonth(1))) {
                    first = first.plusYears(1);
                  } else if (!c.forward() && first.isAfter(c.article())) {
                    first = first.minusYears(1);
                  }
                }
                return Optional.of(monthRange(first, c));
              }),
          rule(
              "(?<m>" + MONTH + ") (?<y>" + YEAR + ")",
              (m, c) ->
                  Optional.of(monthRange(LocalDate.of(num(m, "y"), month(m.group("m")), 1), c))),
          rule(ci("yesterday|last night"), (m, c) -> one(c.article().minusDays(1))),
          // "overnight Friday": the night that began on Friday
          rule(
              ci("overnight (?:on |into )?") + "(?<w>" + WEEKDAY + ")",
              (m, c) ->
                  one(weekday(DayOfWeek.valueOf(m.group("w").toUpperCase(Locale.ROOT)), "", c))),
          rule(ci("overnight"), (m, c) -> one(c.article().minusDays(1))),
          rule(ci("the day before yesterday"), (m, c) -> one(c.article().minusDays(2))),
          rule(
              ci("today|this morning|this afternoon|this evening|tonight"),
              (m, c) -> one(c.article())),
          rule(ci("tomorrow"), (m, c) -> one(c.article().plusDays(1))),
          rule(
              ci("(?<n>a|one|two|three|four|five|six|seven|\\d{1,2}) (?<u>day|week|month)s? ago"),
              (m, c) -> ago(m, c)),
          rule(
              ci("(?:earlier |later )?this week"),
              (m, c) ->
                  Optional.of(
                      range(
                          c.forward()
                              ? c.article()
                              : c.article()
                                  .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                          c.forward()
                              ? c.article().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                              : c.article(),
                          When.WEEK))),
          rule(
              ci("last week|the previous week|the week before"),
              (m, c) -> {
                LocalDate monday =
                    c.article()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .minusWeeks(1);
                return Optional.of(range(monday, monday.plusDays(6), When.WEEK));
              }),
          rule(
              ci("next week"),
              (m, c) -> {
                LocalDate monday = c.article().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                return Optional.of(range(monday, monday.plusDays(6), When.WEEK));
              }),
          rule(
              ci("(?:over|at|during) the weekend|last weekend"),
              (m, c) -> {
                LocalDate sunday =
                    c.article().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
                return Optional.of(range(sunday.minusDays(1), sunday, When.WEEK));
              }),
          rule(
              ci("in recent days|in the past few days|in the last few days|over the past few days"),
              (m, c) -> Optional.of(range(c.article().minusDays(7), c.article(), When.WEEK))),
          rule(
              ci("(?:earlier |later )?this month"),
              (m, c) ->
                  Optional.of(
                      c.forward()
                          ? range(
                              c.article(),
                              c.article().with(TemporalAdjusters.lastDayOfMonth()),
                              When.MONTH)
                          : range(c.article().withDayOfMonth(1), c.article(), When.MONTH))),
          rule(
              ci("last month|the previous month"),
              (m, c) -> Optional.of(monthRange(c.article().withDayOfMonth(1).minusMonths(1), c))),
          rule(
              ci("next month"),
              (m, c) -> Optional.of(monthRange(c.article().withDayOfMonth(1).plusMonths(1), c))),
          rule(
              ci("(?:earlier )?this year"),
              (m, c) -> Optional.of(range(c.article().withDayOfYear(1), c.article(), When.MONTH))),
          // "on Wednesday and Thursday": both days, as one range
          rule(
              "(?:"
                  + ci("on")
                  + " )?(?<w1>"
                  + WEEKDAY
                  + ")"
                  + ci(" (?:and|to|through|until) ")
                  + "(?<w2>"
                  + WEEKDAY
                  + ")",
              (m, c) -> {
                LocalDate a =
                    weekday(DayOfWeek.valueOf(m.group("w1").toUpperCase(Locale.ROOT)), "", c);
                LocalDate b =
                    weekday(DayOfWeek.valueOf(m.group("w2").toUpperCase(Locale.ROOT)), "", c);
                if (b.isBefore(a)) {
                  if (c.forward()) {
                    b = b.plusWeeks(1);
                  } else {
                    a = a.minusWeeks(1);
                  }
                }
                return Optional.of(range(a, b, When.WEEK));
              }),
          // on Tuesday, Tuesday night, last Tuesday, next Tuesday
          rule(
              "(?:" + ci("(?<rel>last|next|this|on|late|early)") + " )?(?<w>" + WEEKDAY + ")",
              (m, c) -> weekday(m, c)));

  private static final Pattern NEXT_DAY =
      Pattern.compile(
          "\\b(?:the next day|the following day|a day later|the day after)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Dates counted from another date of the text: "the previous evening", "hours earlier", "ten days
   * later". The anchor is the last date before them in the sentence, else the date of the sentence
   * before.
   */
  private static final Pattern ANCHORED =
      Pattern.compile(
          "\\b(?:(?<before>the previous (?:day|evening|night|afternoon|morning)"
              + "|the (?:day|evening|night) before(?! yesterday)|a day earlier)"
              + "|(?<same>hours (?:earlier|later)|minutes (?:earlier|later)|an hour (?:earlier|later)"
              + "|(?:earlier|later) (?:that|the same) (?:day|evening|night|morning)"
              + "|(?:on )?the same (?:day|evening|night)|that same day|that (?:evening|night))"
              + "|(?<n>two|three|four|five|six|seven|eight|nine|ten|\\d{1,2}) days"
              + " (?<dir>earlier|later|before|after))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> SMALL =
      List.of("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  private Dates() {}

  /**
   * As {@link #in(String, LocalDate, boolean)}, with {@code anchor} (the date of the sentence
   * before, may be null) for dates the text counts from another: "the previous evening".
   */
  public static List<When> in(String sentence, LocalDate article, boolean forward, When anchor) {
    List<When> dated = new ArrayList<>(in(sentence, article, forward));
    Matcher a = ANCHORED.matcher(sentence);
    while (a.find()) {
      int at = a.start();
      int end = a.end();
      if (dated.stream().anyMatch(w -> w.start() < end && at < w.end())) {
        continue;
      }
      When base = dated.stream().filter(w -> w.end() <= at).reduce((x, y) -> y).orElse(anchor);
      if (base == null || base.from() == null) {
        continue;
      }
      LocalDate day = base.to() != null ? base.to() : base.from();
      LocalDate d;
      if (a.group("before") != null) {
        d = day.minusDays(1);
      } else if (a.group("same") != null) {
        d = day;
      } else {
        String n = a.group("n").toLowerCase(Locale.ROOT);
        int k = SMALL.contains(n) ? SMALL.indexOf(n) : Integer.parseInt(n);
        String dir = a.group("dir").toLowerCase(Locale.ROOT);
        d =
            dir.equals("earlier") || dir.equals("before")
                ? base.from().minusDays(k)
                : day.plusDays(k);
      }
      dated.add(new When(at, end, d, null, Math.max(base.precision(), When.DAY)));
    }
    dated.sort(Comparator.comparingInt(When::start));
    return List.copyOf(dated);
  }

  /** The dates of a sentence, in text order; overlapping readings keep the longest. */
  public static List<When> in(String sentence, LocalDate article, boolean forward) {
    Ctx ctx = new Ctx(article, forward);
    List<When> found = new ArrayList<>();
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(sentence);
      while (m.find()) {
        int s = m.start();
        int e = m.end();
        if (found.stream().anyMatch(w -> w.start() < e && s < w.end())) {
          continue;
        }
        try {
          r.resolve()
              .apply(m, ctx)
              .ifPresent(w -> found.add(new When(s, e, w.from(), w.to(), w.precision())));
        } catch (DateTimeException | NumberFormatException ex) {
          // an impossible date ("30 February 2019") is not a date, and no part of it is either
          found.add(new When(s, e, null, null, 0));
        }
      }
    }
    List<When> dated =
        new ArrayList<>(
            found.stream()
                .filter(w -> w.from() != null)
                .sorted(Comparator.comparingInt(When::start))
                .toList());
    // "the next day" counts from the date before it in the sentence
    Matcher next = NEXT_DAY.matcher(sentence);
    while (next.find()) {
      int at = next.start();
      dated.stream()
          .filter(w -> w.end() <= at)
          .reduce((a, b) -> b)
          .ifPresent(
              w -> dated.add(new When(at, next.end(), w.last().plusDays(1), null, w.precision())));
    }
    dated.sort(Comparator.comparingInt(When::start));
    return List.copyOf(dated);
  }

  private static int num(Matcher m, String group) {
    return Integer.parseInt(m.group(group).replaceAll("\\D", ""));
  }

  private static int month(String name) {
    return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
  }

  private static Optional<When> one(LocalDate d) {
    return Optional.of(new When(0, 0, d, null, When.DAY));
  }

  private static When range(LocalDate from, LocalDate to, int precision) {
    return new When(0, 0, from, to, precision);
  }

  private static Optional<When> day(Ctx c, int y, int m, int d) {
    return one(LocalDate.of(y, m, d));
  }

  /** A whole month, cut at the article date when the month is the article's own. */
  private static When monthRange(LocalDate first, Ctx c) {
    LocalDate last = first.with(TemporalAdjusters.lastDayOfMonth());
    if (!c.forward() && !last.isBefore(c.article()) && !first.isAfter(c.article())) {
      last = c.article();
    }
    return range(first, last, When.MONTH);
  }

  private static Optional<When> dayOfMonth(Matcher m, Ctx c) {
    int month = month(m.group("m"));
    int d = num(m, "d");
    if (m.group("y") != null) {
      return one(LocalDate.of(num(m, "y"), month, d));
    }
    return one(nearest(c, month, d));
  }

  /** The day of month without a year: the last one on or before the article, or the next one. */
  private static LocalDate nearest(Ctx c, int month, int d) {
    int y = c.article().getYear();
    LocalDate candidate = validDay(y, month, d);
    if (c.forward()) {
      return candidate.isBefore(c.article()) ? validDay(y + 1, month, d) : candidate;
    }
    return candidate.isAfter(c.article()) ? validDay(y - 1, month, d) : candidate;
  }

  private static LocalDate validDay(int y, int m, int d) {
    if (m == 2 && d == 29 && !java.time.Year.isLeap(y)) {
      throw new DateTimeException("29 February in a common year");
    }
    return LocalDate.of(y, m, d);
  }

  private static Optional<When> since(Matcher m, Ctx c) {
    String monthName = m.group("m1") != null ? m.group("m1") : m.group("m2");
    String dayText = m.group("d1") != null ? m.group("d1") : m.group("d2");
    int month = month(monthName);
    Ctx past = new Ctx(c.article(), false);
    LocalDate from;
    if (m.group("y") != null) {
      from =
          LocalDate.of(
              num(m, "y"),
              month,
              dayText == null ? 1 : Integer.parseInt(dayText.replaceAll("\\D", "")));
    } else if (dayText != null) {
      from = nearest(past, month, Integer.parseInt(dayText.replaceAll("\\D", "")));
    } else {
      from = c.article().withDayOfMonth(1).withMonth(month);
      if (from.isAfter(c.article())) {
        from = from.minusYears(1);
      }
    }
    if (from.isAfter(c.article())) {
      return Optional.empty();
    }
    long days = c.article().toEpochDay() - from.toEpochDay();
    return Optional.of(range(from, c.article(), days <= 7 ? When.WEEK : When.MONTH));
  }

  private static Optional<When> ago(Matcher m, Ctx c) {
    String n = m.group("n").toLowerCase(Locale.ROOT);
    int k =
        switch (n) {
          case "a", "one" -> 1;
          case "two" -> 2;
          case "three" -> 3;
          case "four" -> 4;
          case "five" -> 5;
          case "six" -> 6;
          case "seven" -> 7;
          default -> Integer.parseInt(n);
        };
    return switch (m.group("u").toLowerCase(Locale.ROOT)) {
      case "day" -> one(c.article().minusDays(k));
      case "week" -> Optional.of(new When(0, 0, c.article().minusWeeks(k), null, When.WEEK));
      default -> Optional.of(new When(0, 0, c.article().minusMonths(k), null, When.MONTH));
    };
  }

  private static Optional<When> weekday(Matcher m, Ctx c) {
    DayOfWeek dow = DayOfWeek.valueOf(m.group("w").toUpperCase(Locale.ROOT));
    String rel = m.group("rel") == null ? "" : m.group("rel").toLowerCase(Locale.ROOT);
    return one(weekday(dow, rel, c));
  }

  private static LocalDate weekday(DayOfWeek dow, String rel, Ctx c) {
    LocalDate d;
    if (rel.equals("next") || (c.forward() && !rel.equals("last"))) {
      d = c.article().with(TemporalAdjusters.next(dow));
    } else if (rel.equals("last")) {
      d = c.article().with(TemporalAdjusters.previous(dow));
    } else {
      d = c.article().with(TemporalAdjusters.previousOrSame(dow));
    }
    return d;
  }
}
