package org.conflictmap.events;

/**
 * Turns a cue's confidence (how sure the rule table says it is) into an honest one: the share of
 * events given that confidence that were right. Refitted in issue 15 on every folder of {@code
 * geodata/events-eval} but {@code heldout-21} (133 articles, 169 extracted events), from the
 * reliability table of the raw confidences: per bin (right + 5 × raw mean) / (events + 5), the five
 * pseudo-events shrinking a small bin towards the raw confidence, then adjacent bins pooled where a
 * higher one came out lower, so the map never lowers a more confident cue. Raw bins: 0.5–0.6 had 6
 * events, 5 right; 0.6–0.7 27, 22; 0.7–0.8 21, 15; 0.8–0.9 67, 62; 0.9–1.0 46, 41. Unclassified
 * events (confidence 0) stay 0.
 */
public final class Calibration {
  /** Lower edges of the raw-confidence bins. */
  private static final double[] FROM = {0.01, 0.6, 0.7, 0.8, 0.9};

  /** The calibrated confidence of each bin: (right + 5 × raw mean) / (events + 5), pooled. */
  private static final double[] TO = {0.69, 0.76, 0.76, 0.91, 0.91};

  private Calibration() {}

  /** The calibrated confidence of a raw one, 0 to 1. */
  public static double of(double raw) {
    double out = 0;
    for (int i = 0; i < FROM.length; i++) {
      if (raw >= FROM[i]) {
        out = TO[i];
      }
    }
    return out;
  }
}
