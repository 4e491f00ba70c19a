package org.conflictmap.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.geoparse.CountryContext;
import org.conflictmap.geoparse.Mention;

/**
 * How likely an event's place is the one the text means: a logistic model over the evidence the
 * geoparser had, fitted on the tuning part of {@code geodata/events-eval} with {@code eval-events
 * --fit-place} (which prints {@link #COEFFICIENTS}; refit and paste them when the rules change).
 * Its reliability table is printed beside the type confidence's by {@code --calibration}.
 */
public final class PlaceConfidence {
  /** The evidence, in the order of {@link #COEFFICIENTS} after the intercept. */
  public static final List<String> FEATURES =
      List.of(
          "margin", // the resolver's share of belief for the chosen reading, 0–1
          "country_support", // ln(1 + other names' support for its country)
          "country_elsewhere", // 1 when its country has none and another country is firm
          "exact_name", // written as the place's own name, not an alternate one
          "population", // log10(1 + population) / 6
          "region", // a region, not a town
          "locative", // right after "in", "at", "near", … ("in Goma")
          "place_noun", // after "the town of", "the district of", … ("the district of Wau")
          "carried"); // no name in the sentence: the place of the report before

  /**
   * Intercept, then one weight per feature; from {@code eval-events --fit-place} on the tuning part
   * (73 articles, 93 extracted events, 84 with the right place; L2 1.0 towards {@link #PRIOR}). The
   * set has few wrong places, so most weights are small: a region (4 of 9 right) is what it learnt
   * most from.
   */
  static final double[] COEFFICIENTS = {
    3.068, -0.464, -0.680, -1.580, 0.701, -0.199, -1.744, 0.222, -0.001, 0.144
  };

  private static final Pattern LOCATIVE =
      Pattern.compile("\\b(?:in|at|near|outside|around|inside)\\s+(?:the\\s+)?$");

  private static final Pattern PLACE_NOUN =
      Pattern.compile(
          "\\b(?:town|city|village|district|province|region|governorate|capital|state|county"
              + "|neighbou?rhood|area)\\s+of\\s+$");

  private PlaceConfidence() {}

  /** The evidence for a located place, in the order of {@link #FEATURES}. */
  public static double[] features(
      String body, Where.Located loc, boolean carried, CountryContext context) {
    Mention m = loc.mention();
    Place p = m.place();
    String before = body.substring(Math.max(0, m.start() - 40), m.start()).toLowerCase(Locale.ROOT);
    return new double[] {
      m.confidence(),
      Math.log1p(context.support(m)),
      context.elsewhere(m).isPresent() ? 1 : 0,
      Names.normalize(m.text()).equals(Names.normalize(p.name())) ? 1 : 0,
      Math.log10(1 + Math.max(0, p.population())) / 6,
      m.precision() == Precision.TOWN ? 0 : 1,
      LOCATIVE.matcher(before).find() ? 1 : 0,
      PLACE_NOUN.matcher(before).find() ? 1 : 0,
      carried ? 1 : 0
    };
  }

  /**
   * The most a place may score when its country is contradicted (feature {@code
   * country_elsewhere}): the tuning part has only 7 such places, too few to fit, while issue 15's
   * unseen articles showed them as the commonest wrong place, rated 0.9 and more. Below the map's
   * "hide uncertain events" floor of 0.8.
   */
  public static final double CONTRADICTED = 0.5;

  /** The model's probability for some evidence, rounded to three places. */
  public static double of(double[] features) {
    double p = probability(COEFFICIENTS, features);
    if (features[2] > 0.5) {
      p = Math.min(p, CONTRADICTED);
    }
    return Math.round(1000 * p) / 1000.0;
  }

  /** The logistic model with the given intercept and weights. */
  public static double probability(double[] coefficients, double[] x) {
    double z = coefficients[0];
    for (int i = 0; i < x.length; i++) {
      z += coefficients[i + 1] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Where the fit's penalty pulls each weight (intercept first, never penalised): 0, except that a
   * place whose country nothing else in the article supports while another country is firm starts
   * at −2 (odds divided by about 7). The tuning part holds 7 such places, too few to learn from,
   * and wrong-country places were the main failure issue 15 found on unseen text.
   */
  public static final double[] PRIOR = {0, 0, 0, -2.0, 0, 0, 0, 0, 0, 0};

  /**
   * Fits the model by Newton's method with an L2 penalty {@code l2} pulling the weights (not the
   * intercept) towards {@link #PRIOR}: the set is small, and without it a feature that is always
   * right in it would get an unbounded weight. Returns the intercept, then one weight per feature.
   */
  public static double[] fit(List<double[]> xs, List<Boolean> right, double l2) {
    int d = FEATURES.size() + 1;
    double[] w = new double[d];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int n = 0; n < xs.size(); n++) {
        double[] x = withOne(xs.get(n));
        double p = probability(w, xs.get(n));
        double y = right.get(n) ? 1 : 0;
        for (int i = 0; i < d; i++) {
          grad[i] += (p - y) * x[i];
          for (int j = 0; j < d; j++) {
            hess[i][j] += p * (1 - p) * x[i] * x[j];
          }
        }
      }
      for (int i = 1; i < d; i++) {
        grad[i] += l2 * (w[i] - PRIOR[i]);
        hess[i][i] += l2;
      }
      hess[0][0] += 1e-9;
      double[] step = solve(hess, grad);
      double size = 0;
      for (int i = 0; i < d; i++) {
        w[i] -= step[i];
        size = Math.max(size, Math.abs(step[i]));
      }
      if (size < 1e-9) {
        break;
      }
    }
    return w;
  }

  private static double[] withOne(double[] x) {
    double[] out = new double[x.length + 1];
    out[0] = 1;
    System.arraycopy(x, 0, out, 1, x.length);
    return out;
  }

  /** Solves {@code a · x = b} by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      if (Math.abs(m[c][c]) < 1e-12) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
    }
    return x;
  }
}
