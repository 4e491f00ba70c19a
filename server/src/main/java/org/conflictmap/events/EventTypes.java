package org.conflictmap.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACLED's event types and sub-event types, chosen by transparent rules. The rules live in one
 * readable table, {@code event-types.txt} beside this class: for every sub-type, cue words and
 * patterns and the confidence a match gives. A report that matches no cue is {@link #UNCLASSIFIED},
 * not a guess.
 */
public final class EventTypes {
  public static final String UNCLASSIFIED = AcledTypes.UNCLASSIFIED;

  /**
   * ACLED's six event types and their 25 sub-event types (the vocabulary is {@link AcledTypes}).
   */
  public static final Map<String, List<String>> ACLED = AcledTypes.SUB_TYPES;

  /** One row of the table: a sub-type, the confidence its cues give, and the cues. */
  public record Rule(String eventType, String subEventType, double confidence, Pattern cue) {}

  /** A classification: type, sub-type (null when unclassified) and confidence 0–1. */
  public record Type(String eventType, String subEventType, double confidence) {
    public static final Type NONE = new Type(UNCLASSIFIED, null, 0);

    public boolean classified() {
      return !UNCLASSIFIED.equals(eventType);
    }
  }

  /** A cue found in a text: the rule and where it matched. */
  public record Cue(Rule rule, int start, int end) {}

  /** The rules in table order. */
  public static final List<Rule> RULES = load();

  /** How much a rival event type's cue, close in confidence, lowers the winner's confidence. */
  private static final double RIVAL_MARGIN = 0.1;

  private static final double RIVAL_FACTOR = 0.75;

  private EventTypes() {}

  /** Every cue the text contains, in text order. */
  public static List<Cue> cues(String text) {
    List<Cue> out = new ArrayList<>();
    for (Rule r : RULES) {
      Matcher m = r.cue().matcher(text);
      while (m.find()) {
        out.add(new Cue(Territory.decides(r) ? side(r, text, m) : r, m.start(), m.end()));
      }
    }
    out.sort(Comparator.comparingInt(Cue::start));
    return out;
  }

  /**
   * A capture cue's row as its taker decides it: "rebels recaptured" is a non-state actor's gain,
   * "fell to the army" the government's (see {@link Territory}).
   */
  private static Rule side(Rule r, String text, Matcher m) {
    return Territory.taker(text, m.start(), m.end())
        .filter(sub -> !sub.equals(r.subEventType()))
        .map(sub -> new Rule(r.eventType(), sub, r.confidence(), r.cue()))
        .orElse(r);
  }

  /**
   * The best cue for an event at character {@code at} of the text: the most confident once a small
   * cost for its distance from the place is taken off; empty when the text has no cue.
   */
  public static java.util.Optional<Cue> best(List<Cue> cues, int at) {
    // the event type: a weaker cue beside the place beats a stronger one in another clause
    java.util.Optional<Cue> nearest =
        cues.stream()
            .max(
                Comparator.comparingDouble(
                        (Cue c) -> c.rule().confidence() - DISTANCE_COST * distance(c, at))
                    .thenComparing(Comparator.comparingInt((Cue c) -> distance(c, at)).reversed()));
    // the sub-type: within that type the most specific cue ("tear gas" over "protesters"), as
    // ACLED codes a protest met with force as such wherever the sentence says so
    return nearest.flatMap(
        n ->
            cues.stream()
                .filter(c -> c.rule().eventType().equals(n.rule().eventType()))
                .max(
                    Comparator.comparingDouble((Cue c) -> c.rule().confidence())
                        .thenComparing(
                            Comparator.comparingInt((Cue c) -> distance(c, at)).reversed())));
  }

  /** Confidence a cue loses per character between it and the event's place. */
  private static final double DISTANCE_COST = 0.003;

  /** The type a cue gives, its confidence lowered when another event type's cue comes close. */
  public static Type typeOf(Cue winner, List<Cue> cues) {
    Rule w = winner.rule();
    boolean rival =
        cues.stream()
            .anyMatch(
                c ->
                    !c.rule().eventType().equals(w.eventType())
                        && c.rule().confidence() >= w.confidence() - RIVAL_MARGIN);
    double confidence = rival ? w.confidence() * RIVAL_FACTOR : w.confidence();
    return new Type(w.eventType(), w.subEventType(), Math.round(confidence * 100) / 100.0);
  }

  /** The type of a whole sentence: its most confident cue, or {@link Type#NONE}. */
  public static Type classify(String sentence) {
    List<Cue> cues = cues(sentence);
    return best(cues, 0).map(c -> typeOf(c, cues)).orElse(Type.NONE);
  }

  private static int distance(Cue c, int at) {
    if (at < c.start()) {
      return c.start() - at;
    }
    return at >= c.end() ? at - c.end() : 0;
  }

  private static List<Rule> load() {
    List<Rule> rules = new ArrayList<>();
    try (InputStream in = EventTypes.class.getResourceAsStream("event-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("event-types.txt is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] f = t.split("\\s*\\|\\s*", 4);
        if (f.length != 4 || !ACLED.getOrDefault(f[0], List.of()).contains(f[1])) {
          throw new IllegalStateException("event-types.txt line " + n + ": not an ACLED row: " + t);
        }
        String regex = String.join("|", f[3].split("\\s+;\\s+"));
        rules.add(
            new Rule(
                f[0],
                f[1],
                Double.parseDouble(f[2]),
                Pattern.compile(
                    "(?<![\\p{L}\\d-])(?:" + regex + ")(?![\\p{L}\\d])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(rules);
  }
}
