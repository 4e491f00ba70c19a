package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TestGazetteer;
import org.conflictmap.ingest.EventExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole sentences through the extractor: where, how precisely, and what makes one event. */
class EventExtractionTest {
  static final LocalDate ARTICLE = LocalDate.of(2019, 8, 27);
  static EventExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new EventExtractor(new Geoparser(TestGazetteer.get()));
  }

  static List<NewEvent> extract(String body) {
    return extractor.extract(body, ARTICLE, 1);
  }

  static NewEvent one(String body) {
    List<NewEvent> events = extract(body);
    assertThat(events).as(body).hasSize(1);
    return events.get(0);
  }

  @Test
  void geoPrecisionOneForANamedTown() {
    NewEvent e = one("Shelling hit Homs on Monday.");
    assertThat(e.placeName()).isEqualTo("Homs");
    assertThat(e.geoPrecision()).isEqualTo(1);
    assertThat(e.eventDate()).isEqualTo(LocalDate.of(2019, 8, 26));
  }

  @Test
  void geoPrecisionTwoNearATownOrInPartOfARegion() {
    assertThat(one("Clashes were reported on the outskirts of Aleppo.").geoPrecision())
        .isEqualTo(2);
    assertThat(one("Rebels clashed with troops near Hama on Sunday.").geoPrecision()).isEqualTo(2);
    assertThat(one("Artillery shelled villages in southern Idlib province.").geoPrecision())
        .isEqualTo(2);
  }

  @Test
  void geoPrecisionThreeForARegionOnly() {
    NewEvent e = one("Security forces arrested 30 militants across Idlib province.");
    assertThat(e.precision()).isEqualTo("region");
    assertThat(e.geoPrecision()).isEqualTo(3);
  }

  @Test
  void aRegionNamedOnlyToPlaceATownIsNotASecondEvent() {
    NewEvent e = one("Air strikes hit the town of Saraqib in Idlib province on Monday.");
    assertThat(Names.normalize(e.placeName())).isEqualTo("saraqib");
  }

  @Test
  void placesThatAreTopicsOrQualifiersOrCountriesAreNotEvents() {
    assertThat(extract("Diplomats voiced concern about the situation in Idlib.")).isEmpty();
    assertThat(extract("He backed the Sochi deal to end attacks.")).isEmpty();
    assertThat(extract("They shared concerns over the fighting in northwestern Syria.")).isEmpty();
    assertThat(extract("The weather in Homs was hot.")).isEmpty();
  }

  @Test
  void oneEventPerPlaceDateAndType() {
    List<NewEvent> events =
        extract(
            "Air strikes hit Saraqib on Monday. Residents said air strikes hit Saraqib again on"
                + " Monday evening. Rebels clashed with troops in Hama on Monday.");
    assertThat(events)
        .extracting(e -> Names.normalize(e.placeName()))
        .containsExactly("saraqib", "hamah");
  }

  @Test
  void twoPlacesInOneSentenceAreTwoEventsWithTheirOwnTypes() {
    List<NewEvent> events =
        extract(
            "Regime forces shelled villages near Kafr Nabl on Sunday, and fighting was reported"
                + " in Hama province the same day.");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).eventType()).isEqualTo("Explosions/Remote violence");
    assertThat(events.get(1).eventType()).isEqualTo("Battles");
  }

  @Test
  void casualtiesInTheNextSentenceBelongToTheEventJustReported() {
    NewEvent e = one("Clashes broke out near Aleppo on Tuesday. Between 10 and 15 fighters died.");
    assertThat(e.fatalities()).isEqualTo(10);
    assertThat(e.injuries()).isNull();
  }

  @Test
  void aTotalInTheNextSentenceIsNotTheEventsToll() {
    NewEvent e =
        one(
            "Clashes broke out near Aleppo on Tuesday. The war has killed 400,000 people since 2011.");
    assertThat(e.fatalities()).isNull();
  }

  @Test
  void casualtiesWithoutACueAreAnHonestUnclassifiedEvent() {
    NewEvent e = one("Five people were killed in Homs on Monday.");
    assertThat(e.eventType()).isEqualTo("Unclassified");
    assertThat(e.subEventType()).isNull();
    assertThat(e.typeConfidence()).isZero();
    assertThat(e.fatalities()).isEqualTo(5);
  }

  @Test
  void plannedEventsAreMarkedAndCarryNoFigures() {
    NewEvent e = one("The leaders will hold a summit in Ankara on Tuesday.");
    assertThat(e.planned()).isTrue();
    assertThat(e.eventDate()).isEqualTo(LocalDate.of(2019, 9, 3));
    assertThat(e.fatalities()).isNull();
  }

  @Test
  void aStatedDateAfterTheArticleIsPlanned() {
    NewEvent e = one("Talks in Geneva are on 2019-10-01.");
    assertThat(e.planned()).isTrue();
  }

  @Test
  void anArticleWithoutADateKeepsRelativeDatesAtItsOwnLowPrecision() {
    // the ingester passes today at month precision when the article has no date
    NewEvent e = extractor.extract("Shelling hit Homs on Monday.", ARTICLE, 3).get(0);
    assertThat(e.timePrecision()).isEqualTo(3);
    NewEvent dated = extractor.extract("Shelling hit Homs on 12 August 2019.", ARTICLE, 3).get(0);
    assertThat(dated.timePrecision()).isEqualTo(1);
    assertThat(dated.eventDate()).isEqualTo(LocalDate.of(2019, 8, 12));
  }

  @Test
  void anImpossibleDateFallsBackToTheArticleDate() {
    NewEvent e = one("Shelling hit Homs on 31 June.");
    assertThat(e.eventDate()).isEqualTo(ARTICLE);
  }

  @Test
  void emptyAndPlaceLessTextsHaveNoEvents() {
    assertThat(extract("")).isEmpty();
    assertThat(extract("Dozens were killed, officials said.")).isEmpty();
  }
}
