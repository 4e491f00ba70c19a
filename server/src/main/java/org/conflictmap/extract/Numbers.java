package org.conflictmap.extract;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts as news writes them: digits ("1,200"), words ("three", "twenty-five", "a hundred"), and
 * the vague words ACLED turns into a figure. Following ACLED's rule of the most conservative
 * estimate, a vague word counts as the lowest number it can mean: "tens" 10, "dozens" 12, "scores"
 * 20, "hundreds" 100, "thousands" 1000, "a few" 3; "several" and "a number of" are 10, the figure
 * ACLED's codebook gives plural deaths of unstated number (as it gives "dozens" 12 and "hundreds"
 * 100).
 */
public final class Numbers {
  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("no", 0),
          Map.entry("none", 0),
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("single", 1),
          Map.entry("two", 2),
          Map.entry("a couple of", 2),
          Map.entry("a pair of", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("a dozen", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("a score of", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("a hundred", 100),
          Map.entry("one hundred", 100),
          Map.entry("a thousand", 1000),
          Map.entry("one thousand", 1000));

  /** Vague quantities and the lowest figure each can mean. */
  private static final Map<String, Integer> VAGUE =
      Map.ofEntries(
          Map.entry("a few", 3),
          Map.entry("few", 3),
          Map.entry("several", 10),
          Map.entry("a number of", 10),
          Map.entry("a handful of", 3),
          Map.entry("tens of", 10),
          Map.entry("tens", 10),
          Map.entry("dozens of", 12),
          Map.entry("dozens", 12),
          Map.entry("scores of", 20),
          Map.entry("scores", 20),
          Map.entry("hundreds of", 100),
          Map.entry("hundreds", 100),
          Map.entry("thousands of", 1000),
          Map.entry("thousands", 1000));

  private static final String UNIT_WORDS =
      "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          + "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
          + "|seventy|eighty|ninety";

  /**
   * One count, as a regular expression: digits with thousands separators, words ("twenty-five",
   * "two hundred"), "a dozen", or a vague word. Used inside the casualty patterns.
   */
  public static final String COUNT =
      "(?:\\d{1,3}(?:,\\d{3})+|\\d+"
          + "|(?:(?:"
          + UNIT_WORDS
          + ")(?:[- ](?:"
          + UNIT_WORDS
          + "))?(?: (?:hundred|thousand))?(?: and (?:"
          + UNIT_WORDS
          + ")(?:-(?:"
          + UNIT_WORDS
          + "))?)?)"
          + "|a (?:dozen|hundred|thousand|couple of|pair of|score of|handful of|number of)"
          + "|two dozen|three dozen|half a dozen"
          + "|a few|several|tens of|dozens of|scores of|hundreds of|thousands of"
          + "|dozens|scores|hundreds|thousands)";

  /**
   * A figure with its hedges: "more than 500", "at least 12", "between 10 and 15", "10 to 15", "up
   * to 30". Group "n" is the low figure.
   */
  public static final String FIGURE =
      "(?:(?:more than|over|at least|nearly|almost|about|around|roughly|some|approximately"
          + "|an estimated|as many as|up to|fewer than|less than|close to|upwards of|no fewer than"
          + "|no less than|a further|another|a total of|at most) )?"
          + "(?:between (?<lo>"
          + COUNT
          + ") and "
          + COUNT
          + "|(?<n>"
          + COUNT
          + ")(?:(?: ?(?:-|–|to|or) ?)"
          + COUNT
          + ")?)";

  private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(?:,\\d{3})+|\\d+");
  private static final Pattern WORD_NUMBER =
      Pattern.compile(
          "(?<a>"
              + UNIT_WORDS
              + ")(?:[- ](?<b>"
              + UNIT_WORDS
              + "))?(?: (?<mult>hundred|thousand))?(?: and (?<c>"
              + UNIT_WORDS
              + ")(?:-(?<d>"
              + UNIT_WORDS
              + "))?)?");

  private Numbers() {}

  /** The value of one count matched by {@link #COUNT}, or empty if it is not one. */
  public static OptionalInt value(String count) {
    String s = count.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    if (DIGITS.matcher(s).matches()) {
      try {
        return OptionalInt.of(Integer.parseInt(s.replace(",", "")));
      } catch (NumberFormatException e) {
        return OptionalInt.empty(); // beyond int: not a casualty figure
      }
    }
    if (VAGUE.containsKey(s)) {
      return OptionalInt.of(VAGUE.get(s));
    }
    if (UNITS.containsKey(s)) {
      return OptionalInt.of(UNITS.get(s));
    }
    switch (s) {
      case "half a dozen":
        return OptionalInt.of(6);
      case "two dozen":
        return OptionalInt.of(24);
      case "three dozen":
        return OptionalInt.of(36);
      default:
        break;
    }
    Matcher m = WORD_NUMBER.matcher(s);
    if (m.matches()) {
      int v = UNITS.get(m.group("a")) + (m.group("b") == null ? 0 : UNITS.get(m.group("b")));
      if (m.group("mult") != null) {
        v *= m.group("mult").equals("hundred") ? 100 : 1000;
      }
      if (m.group("c") != null) {
        v += UNITS.get(m.group("c")) + (m.group("d") == null ? 0 : UNITS.get(m.group("d")));
      }
      return OptionalInt.of(v);
    }
    return OptionalInt.empty();
  }

  /** The lowest figure of a phrase matched by {@link #FIGURE}, from its "lo" or "n" group. */
  public static OptionalInt low(Matcher figure) {
    String c = figure.group("lo") != null ? figure.group("lo") : figure.group("n");
    return c == null ? OptionalInt.empty() : value(c);
  }
}
