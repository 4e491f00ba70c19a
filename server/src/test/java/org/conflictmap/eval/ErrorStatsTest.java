package org.conflictmap.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The resolution figures on error lists worked out by hand. */
class ErrorStatsTest {
  @Test
  void accuracyMedianAndMean() {
    ErrorStats s = ErrorStats.of(new double[] {500, 0, 161, 20, 1000});
    assertThat(s.count()).isEqualTo(5);
    assertThat(s.acc161()).isEqualTo(0.6); // 0, 20 and exactly 161 km are within
    assertThat(s.medianKm()).isEqualTo(161);
    assertThat(s.meanKm()).isCloseTo(336.2, within(1e-9));
    assertThat(ErrorStats.of(new double[] {1, 3}).medianKm()).isEqualTo(2);
  }

  @Test
  void aucRunsFromZeroForPerfectToOneForAntipodes() {
    assertThat(ErrorStats.of(new double[] {0, 0, 0}).auc()).isZero();
    assertThat(ErrorStats.of(new double[] {ErrorStats.MAX_KM, ErrorStats.MAX_KM}).auc())
        .isCloseTo(1.0, within(1e-4));
    // two points: the trapezoid is the mean of their scaled log errors
    double expected = (Math.log1p(0) + Math.log1p(100)) / 2 / Math.log(ErrorStats.MAX_KM);
    assertThat(ErrorStats.of(new double[] {100, 0}).auc()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void emptyListHasNoFigures() {
    assertThat(ErrorStats.of(new double[0]).acc161()).isNaN();
  }

  @Test
  void greatCircleDistances() {
    // Paris to London is about 344 km; a quarter of the equator about 10,008 km
    assertThat(ErrorStats.distanceKm(48.8566, 2.3522, 51.5074, -0.1278))
        .isCloseTo(344, within(2.0));
    assertThat(ErrorStats.distanceKm(0, 0, 0, 90)).isCloseTo(10_008, within(5.0));
    assertThat(ErrorStats.distanceKm(0, 0, 0, 180)).isCloseTo(ErrorStats.MAX_KM, within(30.0));
  }

  @Test
  void precisionRecallF1() {
    Counts c = new Counts(3, 4, 3, 6);
    assertThat(c.precision()).isEqualTo(0.75);
    assertThat(c.recall()).isEqualTo(0.5);
    assertThat(c.f1()).isCloseTo(0.6, within(1e-12));
    assertThat(new Counts(0, 0, 0, 5).f1()).isNaN();
  }
}
