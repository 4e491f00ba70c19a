package org.conflictmap.extract;

import java.util.regex.Pattern;

/**
 * Whether a sentence announces an event rather than reports one: "will hold a summit", "is due to
 * meet", "plans to", "scheduled for", "agreed to hold". ACLED codes events that happened; a planned
 * one is kept but marked, and its date is read forward ("on Tuesday" is the next Tuesday).
 */
public final class Planned {
  private static final Pattern CUES =
      Pattern.compile(
          "\\b(?:will|shall|'ll|is to|are to|was to|were to|is due to|are due to|was due to"
              + "|were due to|due to (?:hold|meet|take place|begin|start|visit)|plans? to|planning to"
              + "|planned(?! (?:[\\w-]+ )?(?:tax|taxes|law|laws|reform|reforms|bill|increase|hike|cuts?|budget|levy"
              + "|amendments?|changes?|rules?|ban|fuel price))|intends? to|intend to|scheduled|set to|(?:is|are) expected to"
              + "|expected to (?:meet|hold|sign|visit|take place|begin|start|attend|gather|march|rally)|to be held|upcoming|forthcoming"
              + "|agreed to (?:hold|meet|host|convene|organi[sz]e|attend)|would (?:hold|meet|host"
              + "|convene|take place)|next (?:week|month|year)|tomorrow|announced (?:a|an|plans)"
              + "|called for (?:a|an) (?:protest|rally|march|strike|demonstration)"
              + "|are calling for (?:a|an)|vowed to|threatened to|prepar(?:ing|es|e) to)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Cues that a planned-looking phrase is about the past after all ("was held as planned"). */
  private static final Pattern DONE =
      Pattern.compile(
          "\\b(?:as planned|as scheduled|went ahead|took place|was held|were held)\\b",
          Pattern.CASE_INSENSITIVE);

  private Planned() {}

  /** Whether anything in the sentence announces a future event. */
  public static boolean in(String sentence) {
    String s = sentence.replace('\u2019', '\'');
    return CUES.matcher(s).find() && !DONE.matcher(s).find();
  }

  /**
   * Whether the event named at [cueStart, cueEnd) of the sentence is announced: a future cue
   * shortly before it ("agreed to hold a summit") or right after it ("the summit will be held"). A
   * future cue elsewhere in the sentence ("Ankara warns it will act") says nothing of this event.
   */
  public static boolean around(String sentence, int cueStart, int cueEnd) {
    String s = sentence.replace('\u2019', '\'');
    if (DONE.matcher(s).find()) {
      return false;
    }
    var m = CUES.matcher(s);
    while (m.find()) {
      boolean before = m.end() <= cueStart && cueStart - m.end() <= BEFORE;
      boolean after = m.start() >= cueEnd && m.start() - cueEnd <= AFTER;
      boolean inside = m.start() < cueEnd && cueStart < m.end();
      if (before || after || inside) {
        return true;
      }
    }
    return false;
  }

  private static final int BEFORE = 60;
  private static final int AFTER = 40;
}
