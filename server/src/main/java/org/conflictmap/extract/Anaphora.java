package org.conflictmap.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.conflictmap.events.EventTypes;

/**
 * A sentence that reports a new event without naming a place ("Hundreds rallied outside parliament
 * on Thursday.", "Its aircraft struck the same area the previous evening."): the event is at the
 * place of the report before when the sentence says so ("the same area", "the city", "there") or
 * gives a date of its own, and its cue is firm. Background and totals never are.
 */
public final class Anaphora {
  /** The least confidence of a cue that reports an event on its own. */
  public static final double FIRM = 0.75;

  private static final Pattern SAME_PLACE =
      Pattern.compile(
          "\\b(?:the same (?:area|town|city|village|district|place|region|neighbourhood"
              + "|neighborhood)|there|in the (?:city|town|village|capital)|the (?:city|town|village)"
              + " (?:itself|centre|center))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BACKGROUND =
      Pattern.compile(
          "\\b(?:since|so far|in total|overall|in all|this year|last year|has killed|have killed"
              + "|have died|has left|have been killed|years?|decades?|began|started|claimed"
              + " responsibility|denied|accused|blamed|condemned|said it would|will|would)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Said in the present: how things stand. */
  private static final Pattern STATE = Pattern.compile("\\b(?:say|says)\\b");

  private Anaphora() {}

  /** The place a placeless sentence's event is at, or empty when it reports none. */
  public static Optional<Where.Located> carried(
      String text,
      List<EventTypes.Cue> cues,
      When previous,
      LocalDate article,
      Where.Located last) {
    return carried(text, cues, previous, article, last, false);
  }

  /**
   * As above, where {@code named} says the text names the place itself without a name ("in the
   * capital", resolved from the dateline).
   */
  public static Optional<Where.Located> carried(
      String text,
      List<EventTypes.Cue> cues,
      When previous,
      LocalDate article,
      Where.Located last,
      boolean named) {
    Optional<EventTypes.Cue> cue = EventTypes.best(cues, 0);
    if (cue.isEmpty()
        || cue.get().rule().confidence() < FIRM
        || "Other".equals(cue.get().rule().subEventType())
        || BACKGROUND.matcher(text).find()) {
      return Optional.empty();
    }
    List<When> dates = Dates.in(text, article, false, previous);
    if (dates.isEmpty() && STATE.matcher(text).find()) {
      // "Doctors in the capital say most clinics have shut": a state of things, not an event
      return Optional.empty();
    }
    boolean samePlace = named || SAME_PLACE.matcher(text).find();
    boolean ownDate =
        !dates.isEmpty() && (previous == null || !dates.get(0).from().equals(previous.from()));
    return samePlace || ownDate ? Optional.of(last) : Optional.empty();
  }
}
