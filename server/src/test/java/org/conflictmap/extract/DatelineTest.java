package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.events.NewEvent;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TestGazetteer;
import org.conflictmap.ingest.EventExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wire dateline ("TAMALE, Ghana (Newswire) — …") is where the article was filed: no part of the
 * first sentence, the place of an event that sentence names no place for, and the anchor of "the
 * capital".
 */
class DatelineTest {
  /** A Wednesday. */
  static final LocalDate ARTICLE = LocalDate.of(2025, 9, 17);

  static EventExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new EventExtractor(new Geoparser(TestGazetteer.get()));
  }

  @Test
  void aDatelineIsReadAndCutOffTheFirstSentence() {
    Dateline.Found d =
        Dateline.of(
                "TAMALE, Ghana (Newswire) — Gunmen attacked a police post in the city.",
                TestGazetteer.get())
            .orElseThrow();
    assertThat(d.city().mention().place().name()).isEqualTo("Tamale");
    assertThat(d.city().mention().place().countryCode()).isEqualTo("GH");
    // Tamale is no capital: "the capital" is Ghana's
    assertThat(d.capital().mention().place().name()).isEqualTo("Accra");
    assertThat(Dateline.cut("TAMALE, Ghana (Newswire) — Gunmen attacked.", d).strip())
        .isEqualTo("Gunmen attacked.");
    assertThat(Dateline.of("TAMALE, Ghana — Gunmen attacked.", TestGazetteer.get())).isPresent();
  }

  @Test
  void aShoutedSentenceOrAPlainOneIsNoDateline() {
    assertThat(Dateline.of("Gunmen attacked a police post in Tamale.", TestGazetteer.get()))
        .isEmpty();
    assertThat(
            Dateline.of(
                "BREAKING NEWS FROM THE NORTH TODAY — Gunmen attacked.", TestGazetteer.get()))
        .isEmpty();
  }

  @Test
  void theFirstSentenceWithNoPlaceOfItsOwnHappenedAtTheDateline() {
    List<NewEvent> events =
        extractor.extract(
            "TAMALE, Ghana (Newswire) — Gunmen attacked a police post in the city on Tuesday,"
                + " killing three officers, police said.",
            ARTICLE,
            1);
    assertThat(events).extracting(NewEvent::placeName).containsExactly("Tamale");
    assertThat(events.get(0).fatalities()).isEqualTo(3);
    assertThat(events.get(0).eventDate()).isEqualTo(LocalDate.of(2025, 9, 16));
  }

  @Test
  void theCapitalIsTheDatelinesCapitalNotThePlaceBefore() {
    List<NewEvent> events =
        extractor.extract(
            "KUMASI, Ghana (Newswire) — Gunmen attacked a police post in Tamale on Monday,"
                + " killing three officers, police said. On Tuesday, hundreds of people marched"
                + " in the capital to demand more security.",
            ARTICLE,
            1);
    assertThat(events).extracting(NewEvent::placeName).containsExactly("Tamale", "Accra");
  }

  @Test
  void aCountryAloneGivesItsCapital() {
    List<NewEvent> events =
        extractor.extract(
            "CHAD (Newswire) — Thousands of people marched in the capital on Tuesday to protest"
                + " against fuel prices, witnesses said.",
            ARTICLE,
            1);
    assertThat(events).extracting(NewEvent::placeName).containsExactly("N'Djamena");
  }

  @Test
  void theTownIsThePlaceJustReported() {
    List<NewEvent> events =
        extractor.extract(
            "SOKODE, Togo (Newswire) — Gunmen raided a market in Bafilo on Sunday, killing two"
                + " traders, residents said. On Monday, soldiers arrested five men in the town.",
            ARTICLE,
            1);
    assertThat(events).extracting(NewEvent::placeName).containsOnly("Bafilo");
    assertThat(events).hasSize(2);
  }

  @Test
  void aStateOfThingsInTheCapitalIsNoEvent() {
    List<NewEvent> events =
        extractor.extract(
            "CHAD (Newswire) — Nurses in the capital say most clinics have shut because of"
                + " looting.",
            ARTICLE,
            1);
    assertThat(events).isEmpty();
  }

  @Test
  void lastMonthAndARunningTotalAreBackground() {
    assertThat(Background.of("Mediators met in Lome last month without a deal.", ARTICLE)).isTrue();
    assertThat(
            Background.of(
                "The group has since killed more than 300 villagers in the region.", ARTICLE))
        .isTrue();
    assertThat(Background.of("Soldiers shelled Kara on Monday.", ARTICLE)).isFalse();
  }
}
