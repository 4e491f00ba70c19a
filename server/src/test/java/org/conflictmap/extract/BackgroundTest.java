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
 * Rule families of this stop: context paragraphs (earlier years, long spans) are no new events
 * while dated news stays news; a journey's destination is near; 'also' keeps the date before.
 */
class BackgroundTest {
  /** A Wednesday. */
  static final LocalDate ARTICLE = LocalDate.of(2022, 3, 16);

  static EventExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new EventExtractor(new Geoparser(TestGazetteer.get()));
  }

  @Test
  void anEarlierYearOrDecadeIsBackground() {
    assertThat(Background.of("In 2018, rebels shelled the port of Hodeidah.", ARTICLE)).isTrue();
    assertThat(Background.of("Militants overran Gao in the 1990s.", ARTICLE)).isTrue();
    assertThat(
            Background.of(
                "A faction that rejected the 2016 peace accord is active in Cauca.", ARTICLE))
        .isTrue();
  }

  @Test
  void aLongSpanOrAnAnniversaryIsBackground() {
    assertThat(Background.of("Gunmen have raided villages in Zamfara for years.", ARTICLE))
        .isTrue();
    assertThat(Background.of("Bombings in Kano killed 40 people last year.", ARTICLE)).isTrue();
    assertThat(
            Background.of(
                "Two years ago this week, crowds stormed the palace in Colombo.", ARTICLE))
        .isTrue();
  }

  @Test
  void newsWithADateOfItsOwnStaysNews() {
    assertThat(
            Background.of(
                "A car bomb killed 6 in Kirkuk on Monday, the deadliest attack since 2019.",
                ARTICLE))
        .isFalse();
    assertThat(Background.of("Police dispersed a march in Harare on Tuesday.", ARTICLE)).isFalse();
    assertThat(Background.of("Shelling hit Donetsk in May 2022.", ARTICLE)).isFalse();
    assertThat(Background.of("Rebels attacked Goma in 2022.", ARTICLE)).isFalse();
  }

  @Test
  void theExtractorReportsTheNewsAndNotItsContext() {
    List<NewEvent> events =
        extractor.extract(
            "Gunmen killed 7 villagers near Kaduna on Monday, officials said. Bandits have"
                + " abducted hundreds of people in Zamfara for years. In 2014, militants"
                + " kidnapped 276 schoolgirls in Chibok.",
            ARTICLE,
            1);
    assertThat(events).extracting(NewEvent::placeName).containsExactly("Kaduna");
    assertThat(events.get(0).fatalities()).isEqualTo(7);
  }

  // ------------------------------------------------------------ journeys and "also"

  @Test
  void anAttackOnTheWayToATownIsNearIt() {
    NewEvent e =
        at(
            extractor.extract(
                "Militants ambushed a lorry carrying fuel to the town of Gao on Monday.",
                ARTICLE,
                1),
            "Gao");
    assertThat(e.geoPrecision()).isEqualTo(2);
    NewEvent in =
        at(extractor.extract("Militants attacked a lorry in Gao on Monday.", ARTICLE, 1), "Gao");
    assertThat(in.geoPrecision()).isEqualTo(1);
  }

  @Test
  void aSentenceThatAlsoReportsTakesTheDateOfTheOneBefore() {
    List<NewEvent> events =
        extractor.extract(
            "Thousands marched in Khartoum on Sunday against military rule. Crowds also"
                + " rallied in Omdurman.",
            ARTICLE,
            1);
    assertThat(at(events, "Omdurman").eventDate()).isEqualTo(LocalDate.of(2022, 3, 13));
  }

  static NewEvent at(List<NewEvent> events, String name) {
    return events.stream()
        .filter(e -> e.placeName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event at " + name + " in " + events));
  }

  // ------------------------------------------------------------ people counted one by one, roads

  @Test
  void peopleNamedOneByOneAreCounted() {
    assertThat(
            Casualties.in("Gunmen shot at pilgrims, killing five of them and a driver.")
                .fatalities())
        .isEqualTo(6);
    assertThat(Casualties.in("The blast killed a teacher and a young student.").fatalities())
        .isEqualTo(2);
    assertThat(Casualties.in("A mortar hit the yard, killing a child.").fatalities()).isEqualTo(1);
  }

  @Test
  void anAttackOnTheRoadBetweenTwoTownsIsOneEventAtTheFirst() {
    List<NewEvent> events =
        extractor.extract(
            "A roadside bomb hit a bus on the road between Mopti and Gao on Monday, killing"
                + " six passengers.",
            ARTICLE,
            1);
    assertThat(events).extracting(NewEvent::placeName).containsExactly("Mopti");
    assertThat(events.get(0).fatalities()).isEqualTo(6);
  }
}
