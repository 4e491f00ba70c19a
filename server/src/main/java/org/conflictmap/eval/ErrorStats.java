package org.conflictmap.eval;

import java.util.Arrays;

/**
 * Figures over a list of distance errors in km: accuracy within 161 km (100 miles), median, mean,
 * and the AUC of Gritta et al. 2018 (the area under the sorted curve of ln(1 + error) / ln(20039),
 * x scaled to 0–1; 0 is perfect, 1 is every place on the far side of the Earth).
 */
public record ErrorStats(int count, double acc161, double medianKm, double meanKm, double auc) {
  /** Half the Earth's circumference: the error charged when no place is proposed at all. */
  public static final double MAX_KM = 20039;

  public static final double ACCURATE_KM = 161;

  public static ErrorStats of(double[] errorsKm) {
    int n = errorsKm.length;
    if (n == 0) {
      return new ErrorStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] e = errorsKm.clone();
    Arrays.sort(e);
    int within = 0;
    double sum = 0;
    for (double x : e) {
      if (x <= ACCURATE_KM) {
        within++;
      }
      sum += x;
    }
    double median = n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2;
    return new ErrorStats(n, (double) within / n, median, sum / n, auc(e));
  }

  /** Trapezoid area under the sorted, log-scaled errors with x running over 0..1. */
  static double auc(double[] sorted) {
    double norm = Math.log(MAX_KM);
    int n = sorted.length;
    if (n == 1) {
      return Math.log1p(sorted[0]) / norm;
    }
    double area = 0;
    for (int i = 1; i < n; i++) {
      area += (Math.log1p(sorted[i - 1]) + Math.log1p(sorted[i])) / 2;
    }
    return area / ((n - 1) * norm);
  }

  /** Great-circle distance in km between two points in degrees (haversine, mean Earth radius). */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
