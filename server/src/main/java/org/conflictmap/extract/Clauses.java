package org.conflictmap.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of a sentence that may each report an event of their own: "Fighting raged in Khartoum
 * on Monday, and air strikes hit Omdurman" is two reports. A place takes its type and date from its
 * own clause when that clause has one; figures go to the place of their clause.
 */
public final class Clauses {
  /** A clause: offsets into the sentence, and its text. */
  public record Clause(int start, int end, String text) {
    public boolean contains(int at) {
      return at >= start && at < end;
    }
  }

  /** Where one report ends and another begins: ", and", "; ", ", while", "; meanwhile". */
  private static final Pattern BREAK =
      Pattern.compile(
          ",\\s+(?:and|while|whereas|but)\\s+(?!(?:\\d|one|two|three|four|five|six|seven|eight"
              + "|nine|ten|dozens|hundreds|more|at least)\\b)"
              + "|;\\s+|,\\s+(?:meanwhile|separately)\\b|\\s+(?:and|while) (?:later|separately)\\b",
          Pattern.CASE_INSENSITIVE);

  private Clauses() {}

  /** The clauses of a sentence, in order; one clause when it has no break. */
  public static List<Clause> of(String sentence) {
    List<Clause> out = new ArrayList<>();
    Matcher m = BREAK.matcher(sentence);
    int from = 0;
    while (m.find()) {
      out.add(new Clause(from, m.start(), sentence.substring(from, m.start())));
      from = m.start();
    }
    out.add(new Clause(from, sentence.length(), sentence.substring(from)));
    return List.copyOf(out);
  }

  /** The clause holding a sentence offset, or null when none does. */
  public static Clause at(List<Clause> clauses, int at) {
    for (Clause c : clauses) {
      if (c.contains(at)) {
        return c;
      }
    }
    return null;
  }
}
