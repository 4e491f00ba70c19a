package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.events.Calibration;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.Mention;
import org.conflictmap.geoparse.TestGazetteer;
import org.conflictmap.ingest.EventExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule families of issue 15, each on sentences written for this test: several events in one
 * sentence, follow-up figures, background and totals, region duplicates, relative dates, and
 * geoparsing fixes of conflict news.
 */
class RuleFamiliesTest {
  /** A Tuesday. */
  static final LocalDate ARTICLE = LocalDate.of(2019, 8, 27);

  static Geoparser geoparser;
  static EventExtractor extractor;

  @BeforeAll
  static void load() {
    geoparser = new Geoparser(TestGazetteer.get());
    extractor = new EventExtractor(geoparser);
  }

  static List<NewEvent> extract(String body) {
    return extractor.extract(body, ARTICLE, 1);
  }

  static NewEvent at(List<NewEvent> events, String place) {
    return events.stream()
        // by name, or a name the gazetteer knows the place by ("Hama" for "Ḩamāh")
        .filter(
            e ->
                Names.normalize(e.placeName()).equals(Names.normalize(place))
                    || TestGazetteer.get().lookup(place).stream()
                        .anyMatch(p -> p.key().equals(e.placeKey())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event at " + place + " in " + events));
  }

  // ------------------------------------------------------------ coordination

  @Test
  void eachClauseOfASentenceIsItsOwnEventWithItsOwnType() {
    List<NewEvent> events =
        extract("Troops clashed with rebels in Aleppo on Monday, and air strikes hit Homs.");
    assertThat(events).hasSize(2);
    assertThat(at(events, "Aleppo").eventType()).isEqualTo("Battles");
    assertThat(at(events, "Homs").subEventType()).isEqualTo("Air/drone strike");
  }

  @Test
  void eachClauseKeepsItsOwnFiguresAndDate() {
    List<NewEvent> events =
        extract(
            "Shelling killed four people in Hama on Sunday, and a car bomb wounded nine in Homs"
                + " the previous evening.");
    NewEvent hama = at(events, "Hama");
    NewEvent homs = at(events, "Homs");
    assertThat(hama.fatalities()).isEqualTo(4);
    assertThat(hama.injuries()).isNull();
    assertThat(homs.injuries()).isEqualTo(9);
    assertThat(homs.fatalities()).isNull();
    assertThat(hama.eventDate()).isEqualTo(LocalDate.of(2019, 8, 25));
    assertThat(homs.eventDate()).isEqualTo(LocalDate.of(2019, 8, 24));
  }

  @Test
  void aTearGasClauseStillMakesTheProtestOneWithIntervention() {
    NewEvent e =
        at(
            extract(
                "Thousands marched in Beirut on Sunday, and police fired tear gas at the crowd."),
            "Beirut");
    assertThat(e.subEventType()).isEqualTo("Protest with intervention");
  }

  // ------------------------------------------------------------ follow-ups and anaphora

  @Test
  void aFollowUpSentenceNamingNoPlaceGivesItsFiguresToTheEventBefore() {
    NewEvent e =
        at(
            extract(
                "A roadside bomb struck an army convoy in Kirkuk on Sunday. Police said 17 others"
                    + " were taken to hospital."),
            "Kirkuk");
    assertThat(e.injuries()).isEqualTo(17);
  }

  @Test
  void twoFiguresJoinedByAndAreAdded() {
    assertThat(Casualties.in("killing at least 20 civilians and 3 soldiers").fatalities())
        .isEqualTo(23);
    assertThat(Casualties.in("Security forces shot dead 11 protesters.").fatalities())
        .isEqualTo(11);
    assertThat(Casualties.in("at least 9 fighters on both sides were killed").fatalities())
        .isEqualTo(9);
    assertThat(Casualties.in("The mayor of the town was abducted and killed.").fatalities())
        .isEqualTo(1);
  }

  @Test
  void aPlacelessSentenceWithAFirmCueAndItsOwnDateIsANewEventAtThePlaceBefore() {
    List<NewEvent> events =
        extract(
            "Soldiers detained the governor in Kano on Sunday. Hundreds of people rallied outside"
                + " the governor's office on Monday.");
    assertThat(events).extracting(NewEvent::eventType).contains("Protests");
    NewEvent protest =
        events.stream().filter(e -> e.eventType().equals("Protests")).findFirst().orElseThrow();
    assertThat(protest.placeName()).isEqualTo("Kano");
    assertThat(protest.eventDate()).isEqualTo(LocalDate.of(2019, 8, 26));
  }

  @Test
  void aClaimOrABackgroundSentenceIsNoNewEvent() {
    List<NewEvent> events =
        extract(
            "A suicide bomber struck a market in Kabul on Sunday, killing 9. The group claimed"
                + " responsibility for the bombing on Monday. Its insurgency has killed thousands"
                + " since 2009.");
    assertThat(events).hasSize(1);
  }

  // ------------------------------------------------------------ background and totals

  @Test
  void aWarsTollNamedInPassingIsNotTheEventsFigure() {
    assertThat(
            Casualties.in(
                    "The two sides signed a truce in Addis Ababa, ending a war that killed"
                        + " 5,000 people.")
                .fatalities())
        .isNull();
  }

  @Test
  void aCessationOfHostilitiesIsAnAgreementAndTalksAboutATruceAreTalks() {
    assertThat(
            at(
                    extract("Both sides signed a cessation of hostilities in Nairobi on Monday."),
                    "Nairobi")
                .subEventType())
        .isEqualTo("Agreement");
    NewEvent talks =
        at(extract("Envoys met rebel leaders in Doha on Monday to discuss a truce."), "Doha");
    assertThat(talks.subEventType()).isEqualTo("Other");
  }

  @Test
  void aPlannedTaxIsNotAPlannedEvent() {
    NewEvent e =
        at(extract("Thousands protested in Amman on Sunday against a planned fuel tax."), "Amman");
    assertThat(e.planned()).isFalse();
    assertThat(e.eventDate()).isEqualTo(LocalDate.of(2019, 8, 25));
  }

  // ------------------------------------------------------------ regions

  @Test
  void aRegionTheTextPutsATownInIsNoSecondEvent() {
    List<NewEvent> events =
        extract("Government troops captured the town of Saraqib in Idlib province on Monday.");
    assertThat(events).extracting(x -> Names.normalize(x.placeName())).containsExactly("saraqib");
  }

  @Test
  void aDistrictNamedLikeItsTownIsTheTownUnlessTheTextSaysDistrict() {
    NewEvent town = at(extract("A grenade exploded in a market in Beni on Sunday."), "Beni");
    assertThat(town.precision()).isEqualTo("town");
    assertThat(town.geoPrecision()).isEqualTo(1);
  }

  @Test
  void aDirectionOfAPlaceIsNearItButNotAfterAnotherName() {
    NewEvent e = at(extract("Rebels attacked army positions west of Hama on Monday."), "Hama");
    assertThat(e.geoPrecision()).isEqualTo(2);
    assertThat(extract("Rebels seized the town of Saraqib south of Aleppo on Monday."))
        .extracting(x -> Names.normalize(x.placeName()))
        .containsExactly("saraqib");
  }

  // ------------------------------------------------------------ relative time

  @Test
  void datesCountedFromTheDateBefore() {
    When sunday = new When(0, 0, LocalDate.of(2019, 8, 25), null, When.DAY);
    assertThat(Dates.in("the previous evening", ARTICLE, false, sunday).get(0).from())
        .isEqualTo(LocalDate.of(2019, 8, 24));
    assertThat(Dates.in("Hours later, drones struck.", ARTICLE, false, sunday).get(0).from())
        .isEqualTo(LocalDate.of(2019, 8, 25));
    assertThat(Dates.in("ten days earlier", ARTICLE, false, sunday).get(0).from())
        .isEqualTo(LocalDate.of(2019, 8, 15));
    // within the sentence, the date before wins over the one of the sentence before
    assertThat(
            Dates.in("on Thursday, and the day before in Homs", ARTICLE, false, sunday)
                .get(1)
                .from())
        .isEqualTo(LocalDate.of(2019, 8, 21));
    // nothing to count from: no date
    assertThat(Dates.in("the previous evening", ARTICLE, false, null)).isEmpty();
  }

  @Test
  void twoWeekdaysAreARangeAndOvernightFridayIsFriday() {
    When w = Dates.in("on Friday and Saturday", ARTICLE, false).get(0);
    assertThat(w.from()).isEqualTo(LocalDate.of(2019, 8, 23));
    assertThat(w.to()).isEqualTo(LocalDate.of(2019, 8, 24));
    assertThat(w.precision()).isEqualTo(When.WEEK);
    assertThat(Dates.in("overnight Friday", ARTICLE, false).get(0).from())
        .isEqualTo(LocalDate.of(2019, 8, 23));
    // a planned pair reads forward
    When planned = Dates.in("on Friday and Saturday", ARTICLE, true).get(0);
    assertThat(planned.from()).isEqualTo(LocalDate.of(2019, 8, 30));
  }

  @Test
  void aFollowingSentenceHoursLaterTakesTheDateBefore() {
    List<NewEvent> events =
        extract("Rockets hit Aleppo on Sunday. Hours later an air strike hit Homs.");
    assertThat(at(events, "Homs").eventDate()).isEqualTo(LocalDate.of(2019, 8, 25));
  }

  // ------------------------------------------------------------ geoparsing

  @Test
  void aHyphenatedCityWithALowerCaseParticleIsOneName() {
    List<Mention> ms = geoparser.parse("Gangs attacked a police station in Port-au-Prince.");
    assertThat(ms).extracting(Mention::text).contains("Port-au-Prince");
    assertThat(ms).extracting(m -> m.place().countryCode()).contains("HT").doesNotContain("RE");
  }

  @Test
  void theTownOfXNamesATownEvenWhenItIsAnEnglishWord() {
    List<Mention> ms =
        geoparser.parse("Rebels seized the town of Sake in eastern Congo, west of Goma.");
    assertThat(ms).extracting(Mention::text).contains("Sake");
  }

  @Test
  void militiasBackedByGovernmentTroopsRegainTerritoryForTheGovernment() {
    NewEvent e =
        at(
            extract(
                "Clan militias backed by government troops recaptured villages near Beledweyne"
                    + " on Monday."),
            "Beledweyne");
    assertThat(e.subEventType()).isEqualTo("Government regains territory");
  }

  // ------------------------------------------------------------ confidence

  @Test
  void calibratedConfidenceRisesWithTheCueAndKeepsUnclassifiedAtZero() {
    assertThat(Calibration.of(0)).isZero();
    double last = 0;
    for (double raw = 0.5; raw <= 1.0; raw += 0.05) {
      double c = Calibration.of(raw);
      assertThat(c).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(last);
      last = c;
    }
    NewEvent e = at(extract("Air strikes hit Homs on Monday."), "Homs");
    assertThat(e.typeConfidence()).isEqualTo(Calibration.of(0.9));
  }

  // ------------------------------------------------------------ fatality wording

  @Test
  void noOneKilledIsZeroNotOne() {
    assertThat(Casualties.in("Militants raided a checkpoint near Homs, and no one was killed."))
        .isEqualTo(new Casualties(0, null));
    assertThat(Casualties.in("Nobody was killed.").fatalities()).isZero();
    // "one" still counts when no "no" stands before it
    assertThat(Casualties.in("One guard was killed in the raid.").fatalities()).isEqualTo(1);
  }

  @Test
  void vagueCountsAreCodedAsAcledDoes() {
    assertThat(Casualties.in("Shelling killed at least a dozen people.").fatalities())
        .isEqualTo(12);
    assertThat(Casualties.in("Dozens of villagers were killed.").fatalities()).isEqualTo(12);
    assertThat(Casualties.in("Air strikes killed hundreds of people.").fatalities()).isEqualTo(100);
    assertThat(Casualties.in("Several fighters were killed.").fatalities()).isEqualTo(10);
    assertThat(Casualties.in("The attack killed two and wounded five."))
        .isEqualTo(new Casualties(2, 5));
  }

  @Test
  void woundedWhoDiedAreNoInjuryCount() {
    assertThat(Casualties.in("Four of the wounded later died in hospital.").injuries()).isNull();
    assertThat(Casualties.in("Four people were wounded.").injuries()).isEqualTo(4);
  }

  @Test
  void anUpdatedTollInAFollowUpReplacesTheFirstFigure() {
    NewEvent e =
        at(
            extract(
                "A car bomb exploded in Homs on Monday, killing six people. The death toll rose to"
                    + " 14 on Tuesday, doctors said."),
            "Homs");
    assertThat(e.fatalities()).isEqualTo(14);
    NewEvent f =
        at(
            extract(
                "Shelling hit Aleppo on Sunday, killing three civilians. Rescuers found more bodies,"
                    + " raising the toll to nine."),
            "Aleppo");
    assertThat(f.fatalities()).isEqualTo(9);
    assertThat(Casualties.tollUpdate("The toll climbed to 31.")).isEqualTo(31);
    assertThat(Casualties.tollUpdate("Police said 31 people were killed.")).isNull();
  }

  @Test
  void aFollowUpSayingNoOneDiedGivesZero() {
    NewEvent e =
        at(
            extract(
                "A roadside bomb hit a bus in Homs on Monday, wounding four. No one was killed."),
            "Homs");
    assertThat(e.fatalities()).isZero();
    assertThat(e.injuries()).isEqualTo(4);
  }
}
