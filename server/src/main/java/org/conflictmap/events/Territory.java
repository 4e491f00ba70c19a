package org.conflictmap.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Territory changing hands by force: who took it decides ACLED's sub-type. State forces taking
 * ground ("the army captured …", "… fell to government troops") is <i>Government regains
 * territory</i>; anyone else ("rebels recaptured …", "… fell to the militants") is <i>Non-state
 * actor overtakes territory</i>. The taker is read from the words around the cue: the agent of a
 * passive ("captured by …") or of "fell to …" first, else the nearest actor noun before the verb,
 * else, when the sentence names only one side, that side. When nothing says who, the cue's own row
 * stands (a recapture is the government's, a capture a non-state actor's).
 */
final class Territory {
  static final String GOVERNMENT = "Government regains territory";
  static final String NON_STATE = "Non-state actor overtakes territory";

  /** State forces, as news text names them. */
  private static final Pattern STATE =
      Pattern.compile(
          "\\b(?:pro-government (?:militias?|militiamen|forces|fighters|troops)"
              + "|(?:government|regime|state|security|federal|national|armed|loyalist)"
              + " (?:forces|troops|soldiers)|armed forces|army|armies|troops|soldiers|military"
              + "|police|gendarmes?|marines|paratroopers|the government|the regime)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Non-state armed groups: role nouns, and movements named without one. */
  private static final Pattern NON_STATE_ACTOR =
      Pattern.compile(
          "\\b(?:rebels?|rebel (?:forces|fighters|groups?)|militants?|insurgents?|jihadists?"
              + "|militias?|militiamen|fighters|gunmen|separatists?|guerrillas?|paramilitar(?:y|ies)"
              + "|extremists|opposition (?:forces|fighters|groups?))\\b"
              + "|(?-i:Islamic State|ISIS|ISIL|Daesh|al-Qaeda|al-Shabaab|Boko Haram|Taliban"
              + "|Hezbollah|Hamas|Houthis?|M23|RSF|Rapid Support Forces|HTS|Hayat Tahrir al-Sham"
              + "|SDF|Syrian Democratic Forces|YPG|PKK|Wagner)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The agent after the cue: "captured by the army", "fell to rebels", "fell into the hands of".
   */
  private static final Pattern AGENT_AFTER =
      Pattern.compile(
          "^(?:\\s+[\\p{L}'-]+){0,3}?\\s+(?:by|to|into the hands of)\\s+(?:the\\s+)?",
          Pattern.CASE_INSENSITIVE);

  /** The agent a cue itself names: "fell to the militants". */
  private static final Pattern AGENT_IN_CUE =
      Pattern.compile("\\b(?:to|by|into the hands of)\\s+(.+)$", Pattern.CASE_INSENSITIVE);

  /** Where the clause of the verb begins, looking back: the taker is not across these. */
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile(
          "[;:]|,\\s+(?:but|while|whereas|after|before|as)\\b|\\b(?:but|after|before)\\b");

  private Territory() {}

  /** Whether a row gives one of the two forcible sub-types this class decides between. */
  static boolean decides(EventTypes.Rule r) {
    return r.eventType().equals("Battles")
        && (r.subEventType().equals(GOVERNMENT) || r.subEventType().equals(NON_STATE));
  }

  /**
   * The sub-type the taker gives a capture cue at {@code [start, end)} of the text, or empty when
   * the text does not say who took the ground.
   */
  static Optional<String> taker(String text, int start, int end) {
    Matcher own = AGENT_IN_CUE.matcher(text.substring(start, end));
    if (own.find()) {
      Optional<String> side = side(own.group(1), true);
      if (side.isPresent()) {
        return side;
      }
    }
    String after = text.substring(end);
    Matcher agent = AGENT_AFTER.matcher(after);
    if (agent.find()) {
      String rest = after.substring(agent.end(), Math.min(after.length(), agent.end() + 40));
      Optional<String> side = side(rest, true);
      if (side.isPresent()) {
        return side;
      }
    }
    String before = text.substring(0, start);
    Matcher b = CLAUSE_BREAK.matcher(before);
    int from = 0;
    while (b.find()) {
      from = b.end();
    }
    Optional<String> subject = side(before.substring(from), false);
    if (subject.isPresent()) {
      return subject;
    }
    boolean state = names(STATE, text);
    boolean nonState = names(NON_STATE_ACTOR, text);
    return state == nonState ? Optional.empty() : Optional.of(state ? GOVERNMENT : NON_STATE);
  }

  /**
   * The side an actor noun in {@code s} names: after a cue the first one ("fell to rebels backed by
   * …"), before it the one nearest the verb ("after clashes with the army, rebels took …"). A state
   * phrase that contains a non-state noun ("pro-government militias") is the state's.
   */
  private static Optional<String> side(String s, boolean first) {
    int[] state = span(STATE, s, first);
    int[] nonState = span(NON_STATE_ACTOR, s, first);
    if (state == null && nonState == null) {
      return Optional.empty();
    }
    if (state == null || nonState == null) {
      return Optional.of(state != null ? GOVERNMENT : NON_STATE);
    }
    boolean stateWins = first ? state[0] <= nonState[0] : state[1] >= nonState[1];
    return Optional.of(stateWins ? GOVERNMENT : NON_STATE);
  }

  /** The side that lost the ground, or the one fought: "from rebels", "held by the army". */
  private static final Pattern LOSER =
      Pattern.compile(
          "(?<!\\b(?:backed|supported|aided|assisted|helped|joined) )\\b(?:from|held by|against|with|by)"
              + "\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /** Whether the text names an actor of this side other than as the one that lost or was fought. */
  private static boolean names(Pattern side, String text) {
    Matcher m = side.matcher(text);
    while (m.find()) {
      if (!LOSER.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  /** The first or last match of a pattern in a string, as {start, end}; null when none. */
  private static int[] span(Pattern p, String s, boolean first) {
    Matcher m = p.matcher(s);
    int[] at = null;
    while (m.find()) {
      if (!first && LOSER.matcher(s.substring(Math.max(0, m.start() - 40), m.start())).find()) {
        continue; // "held by rebels, the town fell": not the taker
      }
      at = new int[] {m.start(), m.end()};
      if (first) {
        break;
      }
    }
    return at;
  }
}
