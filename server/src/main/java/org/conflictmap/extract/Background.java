package org.conflictmap.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence tells background rather than news: what happened in an earlier year ("in
 * 2019", "the 2016 peace deal", "in the 2000s", "a year ago"), or over a long span ("for years",
 * "in the past year", "last year"). ACLED codes each event once, from the report of it; a wire
 * story's context paragraph is no new event, though it names places and uses the same verbs.
 *
 * <p>A sentence that also dates something within a month of the article is news with context
 * ("killed 5 on Monday, the worst attack since 2019") and stays news.
 */
public final class Background {
  /** A year or decade, not part of a full date: "in 2019", "the 2016 deal", "the 1990s". */
  private static final Pattern YEAR =
      Pattern.compile("(?<![\\d/.-])(?<y>(?:19|20)\\d\\d)(?<s>s)?\\b");

  /** Time before the news that no year states, or a running total ("has since killed"). */
  private static final Pattern SPAN =
      Pattern.compile(
          "\\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2}|several|many"
              + "|some) (?:years?|decades?) ago|decades ago|last year|the previous year"
              + "|the year before|for (?:years|decades|many years|several years)"
              + "|last month|the previous month|(?:has|have) since"
              + "|in (?:the )?(?:past|last|previous|recent) (?:year|years|decade|decades)"
              + "|over the (?:past|last) (?:year|decade|(?:\\w+ )?(?:years|decades)))\\b",
          Pattern.CASE_INSENSITIVE);

  /** An anniversary: "a year ago this week" dates the past, not the news. */
  private static final Pattern AGO =
      Pattern.compile(
          "\\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2}|several|many|some)"
              + " (?:years?|decades?) ago\\b",
          Pattern.CASE_INSENSITIVE);

  /** How far before the article a stated date may lie and still be news. */
  private static final long NEWS_DAYS = 31;

  private Background() {}

  /** Whether {@code sentence}, from an article dated {@code article}, is background only. */
  public static boolean of(String sentence, LocalDate article) {
    List<When> dates = Dates.in(sentence, article, false);
    boolean past = SPAN.matcher(sentence).find() || pastYear(sentence, article, dates);
    if (!past) {
      return false;
    }
    if (AGO.matcher(sentence).find()) {
      return true;
    }
    return dates.stream()
        .noneMatch(w -> ChronoUnit.DAYS.between(w.last(), article) <= NEWS_DAYS && spansLittle(w));
  }

  /** A day or a week, not "this year": a range of months is no dated news. */
  private static boolean spansLittle(When w) {
    return w.precision() <= When.WEEK;
  }

  private static boolean pastYear(String sentence, LocalDate article, List<When> dates) {
    Matcher m = YEAR.matcher(sentence);
    while (m.find()) {
      int at = m.start();
      if (dates.stream().anyMatch(w -> w.start() <= at && at < w.end())) {
        continue; // the year of a stated date: "16 May 2019" is read by Dates
      }
      int year = Integer.parseInt(m.group("y"));
      boolean decade = m.group("s") != null;
      if (decade ? year + 9 < article.getYear() : year < article.getYear()) {
        return true;
      }
    }
    return false;
  }
}
