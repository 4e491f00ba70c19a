package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.conflictmap.events.EventTypes;
import org.junit.jupiter.api.Test;

/** The ACLED type table: every sub-type has a row, and cues pick the right one. */
class EventTypesTest {
  static void type(String sentence, String eventType, String subEventType) {
    EventTypes.Type t = EventTypes.classify(sentence);
    assertThat(t.eventType()).as(sentence).isEqualTo(eventType);
    assertThat(t.subEventType()).as(sentence).isEqualTo(subEventType);
  }

  @Test
  void theTableCoversAcledsSixTypesAndTwentyFiveSubTypes() {
    assertThat(EventTypes.ACLED).hasSize(6);
    assertThat(EventTypes.ACLED.values().stream().mapToInt(List::size).sum()).isEqualTo(25);
    Set<String> covered = new HashSet<>();
    for (EventTypes.Rule r : EventTypes.RULES) {
      assertThat(EventTypes.ACLED.get(r.eventType())).contains(r.subEventType());
      assertThat(r.confidence()).isBetween(0.0, 1.0);
      covered.add(r.subEventType());
    }
    assertThat(covered).hasSize(25);
  }

  @Test
  void cuesPickTheSubType() {
    type("Clashes broke out between rebels and troops.", "Battles", "Armed clash");
    type("The army recaptured the town.", "Battles", "Government regains territory");
    type("Militants overran an army base.", "Battles", "Non-state actor overtakes territory");
    type("A chlorine attack was reported.", "Explosions/Remote violence", "Chemical weapon");
    type("Air strikes hit the market.", "Explosions/Remote violence", "Air/drone strike");
    type("A suicide bomber blew himself up.", "Explosions/Remote violence", "Suicide bomb");
    type(
        "Artillery shelled the village.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack");
    type(
        "A roadside bomb struck a patrol.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED");
    type("An attacker threw a grenade.", "Explosions/Remote violence", "Grenade");
    type("Soldiers raped women in the village.", "Violence against civilians", "Sexual violence");
    type("Gunmen killed five villagers.", "Violence against civilians", "Attack");
    type(
        "Gunmen abducted eleven passengers.",
        "Violence against civilians",
        "Abduction/forced disappearance");
    type("Thousands of protesters marched.", "Protests", "Peaceful protest");
    type("Police fired tear gas at the protesters.", "Protests", "Protest with intervention");
    type("Troops opened fire on protesters.", "Protests", "Excessive force against protesters");
    type("Rioters set fire to a police station.", "Riots", "Violent demonstration");
    type("An angry mob beat a man to death.", "Riots", "Mob violence");
    type("The two sides signed a peace agreement.", "Strategic developments", "Agreement");
    type("Police arrested 30 suspects.", "Strategic developments", "Arrests");
    type("Two brigades merged into one.", "Strategic developments", "Change to group/activity");
    type("Engineers defused a bomb.", "Strategic developments", "Disrupted weapons use");
    type(
        "Troops set up a new observation post.",
        "Strategic developments",
        "Headquarters or base established");
    type("Armed men looted shops.", "Strategic developments", "Looting/property destruction");
    type(
        "Rebels withdrew from the town.",
        "Strategic developments",
        "Non-violent transfer of territory");
    type("The leaders held talks near Moscow.", "Strategic developments", "Other");
  }

  @Test
  void noCueIsUnclassifiedWithZeroConfidence() {
    EventTypes.Type t = EventTypes.classify("The weather in Idlib was hot.");
    assertThat(t.eventType()).isEqualTo("Unclassified");
    assertThat(t.subEventType()).isNull();
    assertThat(t.confidence()).isZero();
    assertThat(t.classified()).isFalse();
  }

  @Test
  void aRivalTypeLowersTheConfidence() {
    double alone = EventTypes.classify("Air strikes hit the town.").confidence();
    double contested =
        EventTypes.classify("Air strikes hit the town during a protest by residents.").confidence();
    assertThat(alone).isEqualTo(0.9);
    assertThat(contested).isLessThan(alone);
  }

  @Test
  void monthsAndModalsAreNotCues() {
    assertThat(EventTypes.classify("In March the rains came.").classified()).isFalse();
  }

  @Test
  void anAttackOnAPlaceWherePeopleGatherOrOnUnarmedPeopleIsViolenceAgainstCivilians() {
    type(
        "Armed men attacked a crowded cattle market, killing nine.",
        "Violence against civilians",
        "Attack");
    type(
        "Gunmen opened fire on a mosque during evening prayers.",
        "Violence against civilians",
        "Attack");
    type(
        "Raiders ambushed and killed two women and a boy on a rural road.",
        "Violence against civilians",
        "Attack");
    // an attack on soldiers is still a battle
    type("Militants attacked an army checkpoint at dawn.", "Battles", "Armed clash");
  }

  @Test
  void hostagesHeldAtGunpointAreAnAbduction() {
    type(
        "Armed men stormed a radio station and held presenters at gunpoint for an hour.",
        "Violence against civilians",
        "Abduction/forced disappearance");
  }

  @Test
  void protestersOrStudentsWhoClashWithOthersAreARiot() {
    type(
        "Students angry at the new exam rules clashed with supporters of the ruling party.",
        "Riots",
        "Violent demonstration");
    type(
        "Protesters calling for the release of their leader stormed a police station.",
        "Riots",
        "Violent demonstration");
  }

  @Test
  void dronesThatHitSomethingAreADroneStrike() {
    type(
        "Drones struck a fuel depot outside the port overnight.",
        "Explosions/Remote violence",
        "Air/drone strike");
  }
}
