package org.conflictmap.events;

/**
 * Turns a cue's confidence (how sure the rule table says it is) into an honest one: the share of
 * events given that confidence that were right, measured with {@code eval-events --calibration} on
 * the tuning part of {@code geodata/events-eval} (65 articles, 78 extracted events) and shrunk
 * towards the raw confidence by five pseudo-events per bin, as the tuning part is small and the
 * rules were written against it. Unclassified events (confidence 0) stay 0.
 */
public final class Calibration {
  /** Lower edges of the raw-confidence bins. */
  private static final double[] FROM = {0.01, 0.6, 0.7, 0.8, 0.9};

  /** The calibrated confidence of each bin: (right + 5 × raw mean) / (events + 5). */
  private static final double[] TO = {0.71, 0.80, 0.87, 0.95, 0.95};

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
