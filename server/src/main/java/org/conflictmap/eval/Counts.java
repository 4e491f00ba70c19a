package org.conflictmap.eval;

/** Precision, recall and F1 from counts of matches; NaN where a denominator is zero. */
public record Counts(int predictedMatched, int predicted, int goldMatched, int gold) {
  public double precision() {
    return predicted == 0 ? Double.NaN : (double) predictedMatched / predicted;
  }

  public double recall() {
    return gold == 0 ? Double.NaN : (double) goldMatched / gold;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    if (Double.isNaN(p) || Double.isNaN(r)) {
      return Double.NaN;
    }
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
