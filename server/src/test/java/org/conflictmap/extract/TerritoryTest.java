package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.extract.EventTypesTest.type;

import java.time.LocalDate;
import org.conflictmap.events.NewEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Territory changing hands: the capture and hand-over cues, and the taker deciding between ACLED's
 * "Government regains territory" and "Non-state actor overtakes territory". Sentences written for
 * this test.
 */
class TerritoryTest {
  static final String GOVERNMENT = "Government regains territory";
  static final String NON_STATE = "Non-state actor overtakes territory";
  static final String TRANSFER = "Non-violent transfer of territory";

  @BeforeAll
  static void load() {
    EventExtractionTest.load();
  }

  static void event(String body, String type, String subType, LocalDate date) {
    NewEvent e = EventExtractionTest.one(body);
    assertThat(e.eventType()).as(body).isEqualTo(type);
    assertThat(e.subEventType()).as(body).isEqualTo(subType);
    assertThat(e.eventDate()).as(body).isEqualTo(date);
  }

  @Test
  void theExtractorPlacesAndDatesTheChangeOfHands() {
    LocalDate monday = LocalDate.of(2019, 8, 26);
    event(
        "Rebels took the town of Saraqib on Monday after days of fighting.",
        "Battles",
        NON_STATE,
        monday);
    event(
        "Khan Shaykhun fell to government forces on Monday, a monitor said.",
        "Battles",
        GOVERNMENT,
        monday);
    event(
        "On Monday the militia handed Tessalit over to the army.",
        "Strategic developments",
        TRANSFER,
        monday);
  }

  @Test
  void aNonStateGroupTakingGroundOvertakesIt() {
    type("Insurgents took Tessit after a night of heavy fighting.", "Battles", NON_STATE);
    type("Separatist fighters took full control of the border crossing.", "Battles", NON_STATE);
    type("The district capital fell to the militants late on Tuesday.", "Battles", NON_STATE);
    type("Bunagana fell on Saturday to the rebels, residents said.", "Battles", NON_STATE);
    type("The garrison town was captured by jihadists at dawn.", "Battles", NON_STATE);
  }

  @Test
  void stateForcesTakingGroundRegainIt() {
    type("The army took the town of Sabha on Friday.", "Battles", GOVERNMENT);
    type("The base fell to government troops after a two-day siege.", "Battles", GOVERNMENT);
    type("Soldiers captured the village from the rebels overnight.", "Battles", GOVERNMENT);
    type("Pro-government militias seized control of the airport.", "Battles", GOVERNMENT);
    type("The town was retaken by the army on Monday.", "Battles", GOVERNMENT);
  }

  @Test
  void theTakerDecidesEvenAgainstTheVerb() {
    // "recaptured" is usually the government's, but rebels can recapture too
    type("Rebels recaptured the hilltop town they had lost in March.", "Battles", NON_STATE);
    // the side the ground was taken from is not the taker
    type("The town, held by rebels since 2016, fell to troops on Thursday.", "Battles", GOVERNMENT);
  }

  @Test
  void whenNothingSaysWhoTheCueStands() {
    type("Mosul fell on Saturday.", "Battles", NON_STATE);
    type("The city was recaptured on Monday.", "Battles", GOVERNMENT);
  }

  @Test
  void handingGroundOverIsANonViolentTransfer() {
    type(
        "The militia handed over the Kidal district to the army.",
        "Strategic developments",
        TRANSFER);
    type(
        "Fighters withdrew from the camp, handing it to a local council.",
        "Strategic developments",
        TRANSFER);
    type(
        "Under the deal the villages must be returned to the province.",
        "Strategic developments",
        TRANSFER);
    type("The rebels ceded the port under the agreement.", "Strategic developments", TRANSFER);
  }

  @Test
  void fallingThingsAndStatusAreNotTerritory() {
    type(
        "Shells fell on the market on Monday.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack");
    type("Prices fell on Monday in Kabul.", "Unclassified", null);
    type("Rebels took part in the talks in Geneva.", "Strategic developments", "Other");
    type("The wounded man fell to the ground.", "Unclassified", null);
  }
}
