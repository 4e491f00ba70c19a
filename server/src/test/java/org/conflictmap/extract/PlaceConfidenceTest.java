package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conflictmap.events.NewEvent;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TestGazetteer;
import org.conflictmap.ingest.EventExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The place confidence model: its fit, and what the shipped weights say of events. */
class PlaceConfidenceTest {
  static EventExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new EventExtractor(new Geoparser(TestGazetteer.get()));
  }

  private static NewEvent only(String body) {
    List<NewEvent> events = extractor.extract(body, LocalDate.of(2021, 3, 10), 1);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void fitRecoversTheWeightsThatDrewTheData() {
    double[] truth = {0.5, 1.5, -0.8, -2.0, 1.0, 0.3, -1.2, 0.6, 0.0, -0.4};
    Random random = new Random(15);
    List<double[]> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    int d = PlaceConfidence.FEATURES.size();
    for (int n = 0; n < 20_000; n++) {
      double[] x = new double[d];
      x[0] = random.nextDouble();
      x[1] = random.nextDouble() * 2;
      for (int i = 2; i < d; i++) {
        x[i] = i == 4 ? random.nextDouble() : random.nextInt(2);
      }
      xs.add(x);
      ys.add(random.nextDouble() < PlaceConfidence.probability(truth, x));
    }
    double[] w = PlaceConfidence.fit(xs, ys, 0.01);
    for (int i = 0; i < truth.length; i++) {
      assertThat(w[i]).as("weight %d", i).isCloseTo(truth[i], within(0.25));
    }
  }

  @Test
  void withoutDataTheFitIsItsPrior() {
    double[] w = PlaceConfidence.fit(List.of(), List.of(), 1.0);
    for (int i = 1; i < w.length; i++) {
      assertThat(w[i]).isCloseTo(PlaceConfidence.PRIOR[i], within(1e-9));
    }
  }

  @Test
  void everyExtractedEventHasAPlaceConfidenceBetweenZeroAndOne() {
    NewEvent e = only("Gunmen killed four villagers in Gao on Monday.");
    assertThat(e.placeConfidence()).isNotNull().isBetween(0.0, 1.0);
  }

  @Test
  void aTownWhoseCountryTheArticleNeverMentionsIsLessCertain() {
    // the same report, once in an article about the town's own country, once in an article
    // about another country that has no town of that name in the gazetteer
    NewEvent home =
        only("Insurgents attacked Palma on Wednesday, killing five. Spanish police said little.");
    NewEvent abroad =
        only(
            "Insurgents attacked Palma on Wednesday, killing five. Mozambican officials in Maputo"
                + " said the army had been sent.");
    assertThat(abroad.countryCode()).isEqualTo(home.countryCode());
    assertThat(abroad.placeConfidence()).isLessThan(home.placeConfidence() - 0.1);
    assertThat(abroad.placeConfidence()).isLessThan(0.8);
  }

  @Test
  void aRegionIsLessCertainThanATown() {
    NewEvent town = only("Air strikes hit Saraqib on Monday, killing three.");
    NewEvent region = only("Air strikes hit Idlib province on Monday, killing three.");
    assertThat(region.placeConfidence()).isLessThan(town.placeConfidence());
  }
}
